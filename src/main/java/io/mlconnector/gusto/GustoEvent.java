package io.mlconnector.gusto;

/**
 * A thin event, from {@code GET /v1/events} or a webhook [SPEC {@code Event}]: ids only,
 * so the entity is always re-fetched.
 *
 * @param uuid the event; dedupe on it
 * @param eventType for example {@code payroll.processed}
 * @param resourceType always {@code Company}
 * @param resourceUuid the company
 * @param entityType for example {@code Payroll}
 * @param entityUuid the entity
 * @param timestamp seconds since the epoch; order by it
 */
public record GustoEvent(String uuid, String eventType, String resourceType, String resourceUuid, String entityType,
		String entityUuid, Long timestamp) {

}
