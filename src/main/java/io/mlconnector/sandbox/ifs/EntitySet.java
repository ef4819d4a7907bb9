package io.mlconnector.sandbox.ifs;

/**
 * A simulated entity set within a projection.
 *
 * @param projection projection name (the {@code .svc} service)
 * @param name entity set name
 * @param type its entity type
 * @param parent for a navigation-only set (voucher rows), the parent set; else null
 */
record EntitySet(String projection, String name, EntityType type, EntitySet parent) {

}
