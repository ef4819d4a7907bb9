package io.mlconnector.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the append-only audit trail.
 *
 * @param id database id; {@code null} before it is stored
 * @param at when it happened
 * @param tenant the tenant concerned, if any
 * @param actor who acted: an operator token name, a system component, or a remote address
 * @param action what was done, for example {@code execution.restart}
 * @param subject what it was done to, for example {@code execution:42}
 * @param outcome how it ended
 * @param detail further facts, stored as JSON; never secrets
 */
public record AuditEvent(Long id, Instant at, String tenant, String actor, String action, String subject,
		AuditOutcome outcome, Map<String, Object> detail) {

	public AuditEvent {
		detail = (detail != null) ? Map.copyOf(detail) : Map.of();
	}

}
