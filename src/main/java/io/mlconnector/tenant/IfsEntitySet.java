package io.mlconnector.tenant;

import jakarta.validation.constraints.NotBlank;

/**
 * An IFS Cloud OData entity set: {@code <service-path>/<projection>.svc/<entity-set>}.
 * IFS publishes few finance projection names, so every name comes from the tenant's API
 * Explorer or {@code $metadata}; the defaults match the sandbox.
 *
 * @param projection projection name, without {@code .svc}
 * @param entitySet entity set name within the projection
 */
public record IfsEntitySet(@NotBlank String projection, @NotBlank String entitySet) {

	/**
	 * The path below the service root.
	 * @return {@code <projection>.svc/<entity-set>}
	 */
	public String path() {
		return this.projection + ".svc/" + this.entitySet;
	}

}
