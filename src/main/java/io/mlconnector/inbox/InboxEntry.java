package io.mlconnector.inbox;

import java.time.Instant;

/**
 * An event as it is stored in the inbox.
 *
 * @param source who sent it
 * @param tenant the tenant it belongs to, or {@code null} when it could not be matched
 * @param eventUuid the sender's unique id of the event
 * @param eventType for example {@code payroll.processed} or {@code slash_command}
 * @param entityType the kind of entity it is about, for example {@code Payroll}
 * @param entityId the entity's id, for example the payroll uuid
 * @param occurredAt when the sender says it happened
 * @param receivedAt when ml-connector received it
 * @param contentType the request's content type
 * @param payload the raw body
 * @param status {@link InboxStatus#RECEIVED} or {@link InboxStatus#IGNORED}
 * @param statusReason why it is ignored
 */
public record InboxEntry(InboxSource source, String tenant, String eventUuid, String eventType, String entityType,
		String entityId, Instant occurredAt, Instant receivedAt, String contentType, String payload, InboxStatus status,
		String statusReason) {

}
