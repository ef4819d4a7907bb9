package io.mlconnector.slack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mlconnector.testsupport.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one fixture of the Slack connector's integration tests: the application with the
 * {@code sandbox} profile on a port chosen before start-up, the demo tenant wired to the
 * in-process Slack sandbox over loopback, the sandbox reset and the stored bot tokens,
 * Slack inbox rows and audit events of these tests removed around each test. Every
 * subclass shares one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "mlc.inbox.dispatcher.enabled=false", "logging.level.io.mlconnector.sandbox=INFO",
				"spring.datasource.hikari.maximum-pool-size=4" })
@ActiveProfiles({ "sandbox", "slacktest" })
abstract class SlackSandboxTestSupport {

	static final int PORT = LoopbackPorts.free();

	static final String TENANT = "demo";

	static final String CHANNEL = "CGENERAL01";

	@Autowired
	SlackClients clients;

	@Autowired
	JdbcClient jdbc;

	WebTestClient web;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@BeforeEach
	void resetSandbox() {
		this.web = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + PORT)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
		admin("/_admin/reset", Map.of());
		cleanUp();
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("DELETE FROM oauth_token WHERE provider = 'SLACK'").update();
		this.jdbc.sql("DELETE FROM inbox_event WHERE source = 'SLACK'").update();
		this.jdbc.sql("DELETE FROM audit_event WHERE action LIKE 'slack.%'").update();
	}

	SlackClient client() {
		return this.clients.forTenant(TENANT);
	}

	Map<String, Object> admin(String path, Object body) {
		return this.web.post()
			.uri("/sandbox/slack" + path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	Map<String, Object> adminGet(String path) {
		return this.web.get()
			.uri("/sandbox/slack" + path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> messages(String channel) {
		return (List<Map<String, Object>>) adminGet("/_admin/messages?channel=" + channel).get("messages");
	}

	Map<String, Object> message(String channel, String ts) {
		return adminGet("/_admin/messages/" + channel + "/" + ts);
	}

	@SuppressWarnings("unchecked")
	long requests(String method) {
		Map<String, Object> requests = (Map<String, Object>) adminGet("/_admin/stats").get("requests");
		return ((Number) requests.getOrDefault(method, 0)).longValue();
	}

	@SuppressWarnings("unchecked")
	long rateLimited(String method) {
		Map<String, Object> limited = (Map<String, Object>) adminGet("/_admin/stats").get("rateLimited");
		return ((Number) limited.getOrDefault(method, 0)).longValue();
	}

	long rateLimitedTotal() {
		return ((Number) adminGet("/_admin/stats").get("rateLimitedTotal")).longValue();
	}

	static SlackNotification invoiceNotification(String invoiceId) {
		return new SlackNotification("Supplier invoice " + invoiceId + " awaits authorization",
				List.of(new SlackNotification.Field("Supplier", "Acme Supplies"),
						new SlackNotification.Field("Amount", "1,250.00 USD"),
						new SlackNotification.Field("Due", "2026-12-31")),
				List.of("IFS Cloud company 10 | changed 2026-12-02 10:20 UTC"),
				List.of(new SlackNotification.Button("approve_invoice", "Approve", invoiceId, "primary"),
						new SlackNotification.Button("reject_invoice", "Reject", invoiceId, "danger")));
	}

}
