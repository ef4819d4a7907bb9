package io.mlconnector.slack;

import java.util.Map;
import java.util.Set;

/**
 * What kind of {@code ok:false} error Slack answered, and so what to do about it (the
 * classes of the Slack reference, §8). Only {@link #TRANSIENT} is retried; every other
 * kind fails the item with a message that says what to fix.
 */
public enum SlackErrorKind {

	/**
	 * The channel or the app's installation is wrong: {@code not_in_channel},
	 * {@code channel_not_found}, {@code is_archived}, {@code missing_scope},
	 * {@code restricted_action*}.
	 */
	CONFIGURATION,

	/**
	 * The bot token is not usable: {@code not_authed}, {@code invalid_auth},
	 * {@code token_revoked}, {@code account_inactive}.
	 */
	CREDENTIALS,

	/**
	 * The message itself is refused: {@code msg_too_long}, {@code no_text},
	 * {@code too_many_attachments}, {@code invalid_arguments},
	 * {@code msg_blocks_too_long}, {@code invalid_blocks}.
	 */
	CONTENT,

	/**
	 * Slack could not serve the call now: {@code ratelimited}/{@code rate_limited},
	 * {@code request_timeout}, {@code fatal_error}, {@code service_unavailable},
	 * {@code internal_error}. Retried.
	 */
	TRANSIENT,

	/**
	 * {@code chat.update} cannot change the message: {@code message_not_found},
	 * {@code cant_update_message}, {@code edit_window_closed}.
	 */
	UPDATE,

	/** Any other code; not retried. */
	OTHER;

	private static final Map<String, SlackErrorKind> BY_CODE = Map.ofEntries(Map.entry("not_in_channel", CONFIGURATION),
			Map.entry("channel_not_found", CONFIGURATION), Map.entry("is_archived", CONFIGURATION),
			Map.entry("missing_scope", CONFIGURATION), Map.entry("user_not_found", CONFIGURATION),
			Map.entry("not_authed", CREDENTIALS), Map.entry("invalid_auth", CREDENTIALS),
			Map.entry("token_revoked", CREDENTIALS), Map.entry("account_inactive", CREDENTIALS),
			Map.entry("token_expired", CREDENTIALS), Map.entry("msg_too_long", CONTENT), Map.entry("no_text", CONTENT),
			Map.entry("too_many_attachments", CONTENT), Map.entry("invalid_arguments", CONTENT),
			Map.entry("msg_blocks_too_long", CONTENT), Map.entry("invalid_blocks", CONTENT),
			Map.entry("invalid_metadata_format", CONTENT), Map.entry("invalid_metadata_schema", CONTENT),
			Map.entry("metadata_too_large", CONTENT), Map.entry("ratelimited", TRANSIENT),
			Map.entry("rate_limited", TRANSIENT), Map.entry("request_timeout", TRANSIENT),
			Map.entry("fatal_error", TRANSIENT), Map.entry("service_unavailable", TRANSIENT),
			Map.entry("internal_error", TRANSIENT), Map.entry("message_not_found", UPDATE),
			Map.entry("cant_update_message", UPDATE), Map.entry("edit_window_closed", UPDATE));

	private static final Set<String> RESTRICTED = Set.of("restricted_action", "restricted_action_read_only_channel",
			"restricted_action_thread_only_channel", "restricted_action_non_threadable_channel");

	/**
	 * The kind of an error code.
	 * @param code Slack's {@code error}
	 * @return its kind; {@link #OTHER} for a code ml-connector does not know
	 */
	public static SlackErrorKind of(String code) {
		if (code != null && RESTRICTED.contains(code)) {
			return CONFIGURATION;
		}
		return (code != null) ? BY_CODE.getOrDefault(code, OTHER) : OTHER;
	}

	/**
	 * Whether the same call may succeed later without anybody changing anything.
	 * @return {@code true} only for {@link #TRANSIENT}
	 */
	public boolean retryable() {
		return this == TRANSIENT;
	}

	/**
	 * What a person does about an error code.
	 * @param code Slack's {@code error}
	 * @param tenant the tenant
	 * @return the fix
	 */
	static String fix(String code, String tenant) {
		String prefix = "mlc.tenants." + tenant + ".slack";
		return switch (code) {
			case "not_in_channel" -> "invite the ml-connector app to the channel (/invite @ml-connector) or grant "
					+ "it the chat:write.public scope";
			case "channel_not_found" ->
				"check the channel id in " + prefix + ".channels (use the id from the channel's details, C... or G...)";
			case "is_archived" -> "unarchive the channel or configure another one in " + prefix + ".channels";
			case "missing_scope" -> "add the missing scope to the Slack app and reinstall it in the workspace";
			case "not_authed", "invalid_auth", "token_revoked", "account_inactive", "token_expired" ->
				"the bot token is not usable: reinstall the Slack app and set the new bot token (xoxb-...) as " + prefix
						+ ".bot-token";
			case "msg_too_long" -> "the message text is longer than Slack accepts (40,000 characters); shorten it";
			case "no_text" -> "a message needs text, blocks or attachments";
			case "invalid_arguments", "invalid_blocks", "msg_blocks_too_long" ->
				"the Block Kit blocks break one of Slack's limits (50 blocks, 3000 characters per section, 10 "
						+ "fields of 2000, 25 buttons, ids of 255)";
			case "message_not_found" -> "the message to update does not exist (any more); post a new one";
			case "cant_update_message" -> "only messages posted by this app can be updated; post a new one";
			case "edit_window_closed" -> "the message can no longer be edited; post the change in its thread";
			case "user_not_found" -> "the user id is not a member of the workspace";
			case "outcome_unknown" -> "Slack did not answer in time, so the message may or may not have been posted; "
					+ "look in the channel before posting it again (chat.postMessage has no idempotency key)";
			case "response_url_refused" -> "a response_url works up to 5 times within 30 minutes; post the reply "
					+ "with chat.postMessage instead";
			default -> (code.startsWith("restricted_action"))
					? "a workspace admin restricted posting to the channel; choose another channel in " + prefix
							+ ".channels"
					: "see Slack's documentation of the error code";
		};
	}

}
