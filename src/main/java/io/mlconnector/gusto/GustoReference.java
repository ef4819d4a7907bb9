package io.mlconnector.gusto;

/**
 * A reference to another object by uuid.
 *
 * @param uuid the object
 */
public record GustoReference(String uuid) {

}
