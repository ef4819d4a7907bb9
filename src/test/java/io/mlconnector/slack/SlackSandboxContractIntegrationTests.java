package io.mlconnector.slack;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/**
 * The sandbox's Web API against the contract (reference §10), with raw HTTP rather than
 * the SDK: JSON and form bodies, the token as header or parameter, {@code ok:false} on
 * HTTP 200, and 429 only for rate limits, with {@code Retry-After}.
 */
class SlackSandboxContractIntegrationTests extends SlackSandboxTestSupport {

	@Test
	void theReferenceRequestExampleSentAsJsonGetsTheDocumentedSuccessShape() throws Exception {
		String example = new ClassPathResource("slack/examples/chat-postMessage.request.json")
			.getContentAsString(StandardCharsets.UTF_8)
			.replace("C1H9RESGL", CHANNEL);
		this.web.post()
			.uri("/sandbox/slack/api/chat.postMessage")
			.headers((h) -> h.setBearerAuth("sandbox-bot-token"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(example)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ok")
			.isEqualTo(true)
			.jsonPath("$.channel")
			.isEqualTo(CHANNEL)
			.jsonPath("$.ts")
			.isNotEmpty()
			.jsonPath("$.message.ts")
			.isNotEmpty()
			.jsonPath("$.message.metadata.event_type")
			.isEqualTo("employee_synced")
			.jsonPath("$.message.blocks.length()")
			.isEqualTo(3);
	}

	@Test
	void aFormBodyCarriesTheTokenAsAParameterAndBlocksAsAJsonString() {
		this.web.post()
			.uri("/sandbox/slack/api/chat.postMessage")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("token=sandbox-bot-token&channel=" + CHANNEL + "&text=hi&blocks="
					+ java.net.URLEncoder.encode("[{\"type\":\"divider\"}]", StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ok")
			.isEqualTo(true)
			.jsonPath("$.message.blocks[0].type")
			.isEqualTo("divider");
	}

	@Test
	void apiErrorsAreHttp200WithOkFalse() {
		expectError(null, "{\"channel\":\"" + CHANNEL + "\",\"text\":\"x\"}", "not_authed");
		expectError("xoxb-unknown", "{\"channel\":\"" + CHANNEL + "\",\"text\":\"x\"}", "invalid_auth");
		expectError("sandbox-bot-token", "{\"channel\":\"" + CHANNEL + "\"}", "no_text");
		expectError("sandbox-bot-token", "{\"channel\":\"CNOSUCH001\",\"text\":\"x\"}", "channel_not_found");
	}

	@Test
	void overTheChannelPaceIsA429WithRetryAfterAndTheDocumentedBody() {
		admin("/_admin/settings", Map.of("messagesPerChannel", 1, "channelWindowMillis", 60_000, "channelBurst", 1));
		String body = "{\"channel\":\"" + CHANNEL + "\",\"text\":\"x\"}";
		post("sandbox-bot-token", body).expectStatus().isOk();
		post("sandbox-bot-token", body).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueMatches("Retry-After", "\\d+")
			.expectBody()
			.json("{\"ok\":false,\"error\":\"ratelimited\"}");
	}

	private void expectError(String token, String body, String error) {
		post(token, body).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ok")
			.isEqualTo(false)
			.jsonPath("$.error")
			.isEqualTo(error);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String token, String body) {
		return this.web.post().uri("/sandbox/slack/api/chat.postMessage").headers((h) -> {
			if (token != null) {
				h.setBearerAuth(token);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
