package io.mlconnector.slack;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/**
 * A message to post with {@code chat.postMessage} or to put in place of an existing one
 * with {@code chat.update}.
 *
 * @param channel channel id ({@code C...}/{@code G...}); Slack also takes names,
 * ml-connector sends ids
 * @param text the plain-text fallback, always sent: Slack uses it for notifications and
 * screen readers when blocks are present [DOC]
 * @param blocks Block Kit blocks, or {@code null}: for an update {@code null} keeps the
 * message's blocks and an empty list removes them [SPECS-2021]
 * @param threadTs the parent message's {@code ts} to reply in its thread, or {@code null}
 * ("avoid using a reply's ts value; use its parent instead" [DOC])
 * @param metadata the source record's key, or {@code null}
 */
public record SlackMessage(String channel, String text, List<LayoutBlock> blocks, String threadTs,
		SlackMetadata metadata) {

	/** The longest text Slack accepts without truncating [3P, scraped Slack docs]. */
	public static final int MAX_TEXT = 40_000;

	public SlackMessage {
		if (channel == null || channel.isBlank()) {
			throw new IllegalArgumentException("a Slack message needs a channel id");
		}
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(
					"a Slack message always needs a plain-text fallback (notifications and screen readers use it)");
		}
		blocks = (blocks != null) ? List.copyOf(blocks) : null;
	}

	/**
	 * A plain-text message.
	 * @param channel the channel id
	 * @param text the text
	 * @return the message
	 */
	public static SlackMessage text(String channel, String text) {
		return new SlackMessage(channel, text, null, null, null);
	}

	/**
	 * The same message as a reply in a thread.
	 * @param parentTs the parent message's {@code ts}
	 * @return the reply
	 */
	public SlackMessage inThread(String parentTs) {
		return new SlackMessage(this.channel, this.text, this.blocks, parentTs, this.metadata);
	}

	/**
	 * The same message with metadata.
	 * @param metadata the metadata
	 * @return the message
	 */
	public SlackMessage withMetadata(SlackMetadata metadata) {
		return new SlackMessage(this.channel, this.text, this.blocks, this.threadTs, metadata);
	}

}
