package io.mlconnector.slack;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;

/**
 * A record's notification as Block Kit: a header, the record's fields (two columns), a
 * context line and buttons, with the plain-text fallback Slack needs beside the blocks.
 * Slack's limits (reference §4.4) are kept here, before anything is sent: field values
 * longer than a field holds are cut with an ellipsis (the full values belong in the
 * record, not in a notification), more than ten fields continue in the next section, and
 * ids, button texts and values beyond their limits are refused, as they are programming
 * errors, not data.
 *
 * @param header the header line (plain text, at most 150 characters, longer is cut)
 * @param fields label and value pairs, in order
 * @param context the small grey lines under the fields (at most 10)
 * @param buttons the buttons (at most 25)
 */
public record SlackNotification(String header, List<Field> fields, List<String> context, List<Button> buttons) {

	/** Blocks per message [DOC]. */
	public static final int MAX_BLOCKS = 50;

	/** Characters of a header block's text [DOC header block]. */
	public static final int MAX_HEADER = 150;

	/** Characters of a section's text [SDK node-sdk blocks.ts]. */
	public static final int MAX_SECTION_TEXT = 3000;

	/** Fields per section [SDK]. */
	public static final int MAX_FIELDS = 10;

	/** Characters per field [SDK]. */
	public static final int MAX_FIELD_TEXT = 2000;

	/** Elements of a context block [SDK]. */
	public static final int MAX_CONTEXT_ELEMENTS = 10;

	/** Elements of an actions block [SDK][DOC]. */
	public static final int MAX_ACTIONS = 25;

	/** Characters of a {@code block_id} or {@code action_id} [SDK]. */
	public static final int MAX_ID = 255;

	/** Characters of a button's text [SDK]. */
	public static final int MAX_BUTTON_TEXT = 75;

	/** Characters of a button's value [SDK]. */
	public static final int MAX_BUTTON_VALUE = 2000;

	public SlackNotification {
		if (header == null || header.isBlank()) {
			throw new IllegalArgumentException("a notification needs a header");
		}
		fields = (fields != null) ? List.copyOf(fields) : List.of();
		context = (context != null) ? List.copyOf(context) : List.of();
		buttons = (buttons != null) ? List.copyOf(buttons) : List.of();
		if (context.size() > MAX_CONTEXT_ELEMENTS) {
			throw new IllegalArgumentException(
					"a context block has at most " + MAX_CONTEXT_ELEMENTS + " elements, was " + context.size());
		}
		if (buttons.size() > MAX_ACTIONS) {
			throw new IllegalArgumentException(
					"an actions block has at most " + MAX_ACTIONS + " elements, was " + buttons.size());
		}
		if (1 + (fields.size() + MAX_FIELDS - 1) / MAX_FIELDS + 2 > MAX_BLOCKS) {
			throw new IllegalArgumentException(
					"a message has at most " + MAX_BLOCKS + " blocks: too many fields (" + fields.size() + ")");
		}
	}

	/**
	 * The message for a channel.
	 * @param channel the channel id
	 * @param recordKey the record's key, part of every {@code block_id}
	 * @param version the iteration of the message (1 when posted, higher for each
	 * update): Slack wants a new {@code block_id} for each iteration [SDK][DOC]
	 * @param metadata the source record's key, or {@code null}
	 * @return the message, with the fallback text
	 */
	public SlackMessage toMessage(String channel, String recordKey, int version, SlackMetadata metadata) {
		return new SlackMessage(channel, fallbackText(), blocks(recordKey, version), null, metadata);
	}

	/**
	 * The plain-text fallback: the header and the fields on one line.
	 * @return the text
	 */
	public String fallbackText() {
		StringBuilder text = new StringBuilder(this.header);
		for (Field field : this.fields) {
			text.append(" | ").append(field.label()).append(": ").append(field.value());
		}
		return cut(text.toString(), SlackMessage.MAX_TEXT);
	}

	/**
	 * The blocks.
	 * @param recordKey the record's key, part of every {@code block_id}
	 * @param version the message's iteration
	 * @return header, sections of fields, context and actions
	 */
	public List<LayoutBlock> blocks(String recordKey, int version) {
		String suffix = "_" + recordKey + "_v" + version;
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(HeaderBlock.builder()
			.blockId(id("hdr" + suffix))
			.text(PlainTextObject.builder().text(cut(this.header, MAX_HEADER)).emoji(true).build())
			.build());
		for (int start = 0; start < this.fields.size(); start += MAX_FIELDS) {
			List<TextObject> texts = new ArrayList<>();
			for (Field field : this.fields.subList(start, Math.min(this.fields.size(), start + MAX_FIELDS))) {
				texts.add(MarkdownTextObject.builder()
					.text(cut("*" + field.label() + "*\n" + field.value(), MAX_FIELD_TEXT))
					.build());
			}
			blocks.add(SectionBlock.builder().blockId(id("fld" + (start / MAX_FIELDS) + suffix)).fields(texts).build());
		}
		if (!this.context.isEmpty()) {
			List<ContextBlockElement> elements = new ArrayList<>();
			this.context.forEach(
					(line) -> elements.add(MarkdownTextObject.builder().text(cut(line, MAX_SECTION_TEXT)).build()));
			blocks.add(ContextBlock.builder().blockId(id("ctx" + suffix)).elements(elements).build());
		}
		if (!this.buttons.isEmpty()) {
			List<BlockElement> elements = new ArrayList<>();
			this.buttons.forEach((button) -> elements.add(button.element()));
			blocks.add(ActionsBlock.builder().blockId(id("act" + suffix)).elements(elements).build());
		}
		return blocks;
	}

	private static String id(String id) {
		if (id.length() > MAX_ID) {
			throw new IllegalArgumentException(
					"a block_id has at most " + MAX_ID + " characters; the record key is too long: " + id);
		}
		return id;
	}

	static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/**
	 * A field: bold label above its value.
	 *
	 * @param label the label
	 * @param value the value
	 */
	public record Field(String label, String value) {

		public Field {
			if (label == null || label.isBlank()) {
				throw new IllegalArgumentException("a field needs a label");
			}
			value = (value == null || value.isBlank()) ? "–" : value;
		}

	}

	/**
	 * A button; its click comes back as a {@code block_actions} interaction carrying
	 * {@code action_id} and {@code value}.
	 *
	 * @param actionId what the click means, for example {@code approve_invoice}
	 * @param text the label (at most 75 characters)
	 * @param value the record the click is about (at most 2000 characters)
	 * @param style {@code primary}, {@code danger} or {@code null}
	 */
	public record Button(String actionId, String text, String value, String style) {

		public Button {
			if (actionId == null || actionId.isBlank() || actionId.length() > MAX_ID) {
				throw new IllegalArgumentException("a button's action_id has 1 to " + MAX_ID + " characters");
			}
			if (text == null || text.isBlank() || text.length() > MAX_BUTTON_TEXT) {
				throw new IllegalArgumentException("a button's text has 1 to " + MAX_BUTTON_TEXT + " characters");
			}
			if (value != null && value.length() > MAX_BUTTON_VALUE) {
				throw new IllegalArgumentException("a button's value has at most " + MAX_BUTTON_VALUE + " characters");
			}
			if (style != null && !style.equals("primary") && !style.equals("danger")) {
				throw new IllegalArgumentException("a button's style is primary, danger or none, was " + style);
			}
		}

		ButtonElement element() {
			return ButtonElement.builder()
				.actionId(this.actionId)
				.text(PlainTextObject.builder().text(this.text).build())
				.value(this.value)
				.style(this.style)
				.build();
		}

	}

}
