package io.mlconnector.visma;

import java.net.URI;

/**
 * What a create answered: 201 with the new record's URL in {@code Location} [KB]; the
 * body is not relied on.
 *
 * @param id the last path segment of {@code Location}, e.g. the employee number
 * @param location the {@code Location} header
 * @param timeStamp the {@code ETag} of the new record, or null if none was sent
 */
public record VismaCreated(String id, URI location, String timeStamp) {

}
