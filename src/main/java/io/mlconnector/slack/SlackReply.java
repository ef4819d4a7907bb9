package io.mlconnector.slack;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;

/**
 * A reply through a command's or a button's {@code response_url} [SDK bolt-js
 * {@code RespondArguments}]. The URL "is usable up to 5 times within 30 minutes" [SDK].
 *
 * @param responseType {@code in_channel} or {@code ephemeral}; always sent, because the
 * default when it is omitted is not documented [NOT FOUND]
 * @param text the text (fallback when there are blocks)
 * @param blocks Block Kit blocks, or {@code null}
 * @param replaceOriginal whether the reply replaces the message the button was on
 * @param deleteOriginal whether the message the button was on is deleted
 */
public record SlackReply(ResponseType responseType, String text, List<LayoutBlock> blocks, boolean replaceOriginal,
		boolean deleteOriginal) {

	public SlackReply {
		if (responseType == null) {
			throw new IllegalArgumentException("a response_url reply always says in_channel or ephemeral");
		}
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("a response_url reply needs text");
		}
		blocks = (blocks != null) ? List.copyOf(blocks) : null;
	}

	/**
	 * A text reply only the acting user sees.
	 * @param text the text
	 * @return the reply
	 */
	public static SlackReply ephemeral(String text) {
		return new SlackReply(ResponseType.EPHEMERAL, text, null, false, false);
	}

	/**
	 * A reply that replaces the message the button was on, for everyone in the channel.
	 * @param text the text
	 * @param blocks the new blocks, or {@code null}
	 * @return the reply
	 */
	public static SlackReply replacing(String text, List<LayoutBlock> blocks) {
		return new SlackReply(ResponseType.IN_CHANNEL, text, blocks, true, false);
	}

	/**
	 * Who sees a reply.
	 */
	public enum ResponseType {

		/** Everyone in the channel. */
		IN_CHANNEL("in_channel"),

		/** Only the user who acted. */
		EPHEMERAL("ephemeral");

		private final String wire;

		ResponseType(String wire) {
			this.wire = wire;
		}

		/**
		 * The value Slack expects.
		 * @return {@code in_channel} or {@code ephemeral}
		 */
		public String wire() {
			return this.wire;
		}

	}

}
