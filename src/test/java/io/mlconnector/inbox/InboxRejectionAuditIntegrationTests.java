package io.mlconnector.inbox;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "mlc.inbox.rejection-audits-per-minute=5")
@AutoConfigureWebTestClient
@ActiveProfiles("acme")
class InboxRejectionAuditIntegrationTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry registry;

	@Test
	void unsignedRequestsAreAllCountedButOnlyASampleWritesAuditRows() {
		// given
		long auditsBefore = audits();
		double countedBefore = rejectedCount();
		long eventsBefore = this.jdbc.sql("SELECT COUNT(*) FROM inbox_event").query(Long.class).single();

		// when an outsider posts sixty unsigned deliveries
		for (int i = 0; i < 60; i++) {
			this.web.post()
				.uri("/webhooks/gusto")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"uuid\":\"" + UUID.randomUUID() + "\",\"event_type\":\"payroll.processed\"}")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}

		// then each is counted, at most five audit rows were written (with the source
		// address), and nothing reached the inbox
		assertThat(rejectedCount() - countedBefore).isEqualTo(60);
		assertThat(audits() - auditsBefore).isBetween(1L, 5L);
		assertThat(this.jdbc
			.sql("SELECT actor FROM audit_event WHERE action = 'webhook.rejected' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).startsWith("remote:");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM inbox_event").query(Long.class).single())
			.isEqualTo(eventsBefore);
	}

	private long audits() {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'webhook.rejected'")
			.query(Long.class)
			.single();
	}

	private double rejectedCount() {
		var counter = this.registry.find("mlc.inbox.events")
			.tags("source", "gusto", "outcome", "rejected:signature_missing")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
