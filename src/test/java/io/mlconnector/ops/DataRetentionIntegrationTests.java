package io.mlconnector.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest
class DataRetentionIntegrationTests {

	@Autowired
	private DataRetention retention;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("DELETE FROM inbox_event WHERE event_uuid LIKE 'retention-%'").update();
		this.jdbc.sql("DELETE FROM oauth_state WHERE tenant = 'retention'").update();
		this.jdbc.sql("DELETE FROM audit_event WHERE subject = 'retention-test'").update();
	}

	@Test
	void rowsPastTheirRetentionArePurgedAndEverythingAnOperatorStillNeedsIsKept() {
		// given
		Instant now = Instant.now();
		state("old", now.minus(2, ChronoUnit.DAYS));
		state("fresh", now.plus(5, ChronoUnit.MINUTES));
		audit("webhook.rejected", now.minus(31, ChronoUnit.DAYS));
		audit("webhook.rejected", now.minus(1, ChronoUnit.DAYS));
		audit("gusto.connect", now.minus(400, ChronoUnit.DAYS));
		event("retention-done-old", "DONE", now.minus(46, ChronoUnit.DAYS));
		event("retention-ignored-old", "IGNORED", now.minus(46, ChronoUnit.DAYS));
		event("retention-done-34d", "DONE", now.minus(34, ChronoUnit.DAYS));
		event("retention-failed-old", "FAILED", now.minus(100, ChronoUnit.DAYS));
		event("retention-dead-old", "DEAD", now.minus(100, ChronoUnit.DAYS));
		event("retention-received-old", "RECEIVED", now.minus(100, ChronoUnit.DAYS));

		// when
		this.retention.purge();

		// then
		assertThat(this.jdbc.sql("SELECT state FROM oauth_state WHERE tenant = 'retention'").query(String.class).list())
			.singleElement()
			.satisfies((state) -> assertThat(state).startsWith("fresh"));
		assertThat(this.jdbc.sql("SELECT action FROM audit_event WHERE subject = 'retention-test' ORDER BY id")
			.query(String.class)
			.list()).containsExactly("webhook.rejected", "gusto.connect");
		assertThat(this.jdbc.sql("SELECT event_uuid FROM inbox_event WHERE event_uuid LIKE 'retention-%'")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("retention-done-34d", "retention-failed-old", "retention-dead-old",
					"retention-received-old");
	}

	@Test
	void anInboxRetentionShorterThanGustosEventLogAndRetriesIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetentionProperties(true, Duration.ofHours(1), Duration.ofDays(1),
					Duration.ofDays(30), Duration.ofDays(7), 5000))
			.withMessageContaining("at least 33d");
		assertThat(new RetentionProperties(true, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30),
				Duration.ofDays(33), 5000)
			.inboxEvents()).isEqualTo(Duration.ofDays(33));
	}

	private void state(String state, Instant expires) {
		this.jdbc
			.sql("INSERT INTO oauth_state (state, tenant, provider, created_at, expires_at) "
					+ "VALUES (?, 'retention', 'GUSTO', ?, ?)")
			.params(state + UUID.randomUUID().toString().substring(0, 8), utc(expires.minusSeconds(600)), utc(expires))
			.update();
	}

	private void audit(String action, Instant at) {
		this.jdbc
			.sql("INSERT INTO audit_event (at, actor, action, subject, outcome) "
					+ "VALUES (?, 'remote:127.0.0.1', ?, 'retention-test', 'REJECTED')")
			.params(utc(at), action)
			.update();
	}

	private void event(String uuid, String status, Instant received) {
		this.jdbc
			// a type no route claims: the dispatchers of the other test contexts on this
			// database leave these rows alone
			.sql("INSERT INTO inbox_event (source, event_uuid, event_type, received_at, content_type, payload, "
					+ "status, updated_at) VALUES ('GUSTO', ?, 'retention.probe', ?, 'application/json', '{}', ?, ?)")
			.params(uuid, utc(received), status, utc(received))
			.update();
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
