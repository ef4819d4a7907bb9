package io.mlconnector.slack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlackErrorKindTests {

	@Test
	void slacksErrorCodesFallIntoTheClassesOfTheReference() {
		assertThat(List.of("not_in_channel", "channel_not_found", "is_archived", "missing_scope",
				"restricted_action_read_only_channel"))
			.allSatisfy((code) -> assertThat(SlackErrorKind.of(code)).isEqualTo(SlackErrorKind.CONFIGURATION));
		assertThat(List.of("not_authed", "invalid_auth", "token_revoked", "account_inactive"))
			.allSatisfy((code) -> assertThat(SlackErrorKind.of(code)).isEqualTo(SlackErrorKind.CREDENTIALS));
		assertThat(
				List.of("msg_too_long", "no_text", "too_many_attachments", "invalid_arguments", "msg_blocks_too_long"))
			.allSatisfy((code) -> assertThat(SlackErrorKind.of(code)).isEqualTo(SlackErrorKind.CONTENT));
		assertThat(List.of("ratelimited", "rate_limited", "request_timeout", "fatal_error"))
			.allSatisfy((code) -> assertThat(SlackErrorKind.of(code).retryable()).isTrue());
		assertThat(List.of("message_not_found", "cant_update_message", "edit_window_closed"))
			.allSatisfy((code) -> assertThat(SlackErrorKind.of(code)).isEqualTo(SlackErrorKind.UPDATE));
		assertThat(SlackErrorKind.of("something_new")).isEqualTo(SlackErrorKind.OTHER);
		assertThat(SlackErrorKind.OTHER.retryable()).isFalse();
	}

	@Test
	void theMessageNamesCallTenantCodeAndTheFix() {
		SlackApiException ex = new SlackApiException("acme", "chat.postMessage", "not_in_channel", null);
		assertThat(ex).hasMessage("Slack answered not_in_channel to chat.postMessage for tenant acme: invite the "
				+ "ml-connector app to the channel (/invite @ml-connector) or grant it the chat:write.public scope");
	}

	@Test
	void retryAfterIsReadInAnySpellingOfTheHeaderInSeconds() {
		assertThat(SlackClient.retryAfter(Map.of("Retry-After", List.of("30")))).isEqualTo(Duration.ofSeconds(30));
		assertThat(SlackClient.retryAfter(Map.of("retry-after", List.of(" 2 ")))).isEqualTo(Duration.ofSeconds(2));
		assertThat(SlackClient.retryAfter(Map.of("retry-after", List.of("soon")))).isNull();
		assertThat(SlackClient.retryAfter(Map.of())).isNull();
	}

}
