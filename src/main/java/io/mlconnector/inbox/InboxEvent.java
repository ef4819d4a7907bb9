package io.mlconnector.inbox;

import java.time.Instant;

/**
 * A stored event handed to a route.
 *
 * @param id inbox row id
 * @param source who sent it
 * @param tenant the tenant it belongs to
 * @param eventUuid the sender's event id
 * @param eventType for example {@code payroll.processed}
 * @param entityType for example {@code Payroll}
 * @param entityId for example the payroll uuid
 * @param occurredAt when the sender says it happened
 * @param receivedAt when it was received
 * @param payload the raw body
 * @param attempt this attempt's number, from 1
 */
public record InboxEvent(long id, InboxSource source, String tenant, String eventUuid, String eventType,
		String entityType, String entityId, Instant occurredAt, Instant receivedAt, String payload, int attempt) {

}
