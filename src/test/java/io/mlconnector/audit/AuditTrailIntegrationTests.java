package io.mlconnector.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class AuditTrailIntegrationTests {

	@Autowired
	private AuditTrail auditTrail;

	@Test
	void recordedEventsAreReadBackNewestFirstWithTheirDetail() {
		String subject = "payroll:" + System.nanoTime();
		Instant before = Instant.now().minusSeconds(1);
		AuditEvent first = this.auditTrail.record("acme", "system", "posting.started", subject, AuditOutcome.SUCCESS,
				Map.of("kind", "ACCRUAL"));
		AuditEvent second = this.auditTrail.record("acme", "ops:alice", "posting.restarted", subject,
				AuditOutcome.FAILURE, Map.of("reason", "IFS answered 423 Locked", "attempt", 2));
		List<AuditEvent> events = this.auditTrail.forSubject(subject, 10);
		assertThat(events).extracting(AuditEvent::id).containsExactly(second.id(), first.id());
		AuditEvent latest = events.get(0);
		assertThat(latest.tenant()).isEqualTo("acme");
		assertThat(latest.actor()).isEqualTo("ops:alice");
		assertThat(latest.outcome()).isEqualTo(AuditOutcome.FAILURE);
		assertThat(latest.detail()).containsEntry("reason", "IFS answered 423 Locked").containsEntry("attempt", 2);
		assertThat(latest.at()).isAfter(before).isBeforeOrEqualTo(Instant.now());
	}

}
