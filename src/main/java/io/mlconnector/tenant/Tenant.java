package io.mlconnector.tenant;

import java.util.Optional;

/**
 * A configured tenant: its id and its properties.
 *
 * @param id tenant id, as used in job parameters, metrics, logs and URLs
 * @param properties the tenant's connections and mapping rules
 */
public record Tenant(String id, TenantProperties properties) {

	public Optional<GustoConnection> gusto() {
		return Optional.ofNullable(this.properties.gusto());
	}

	public Optional<IfsConnection> ifs() {
		return Optional.ofNullable(this.properties.ifs());
	}

	public Optional<VismaConnection> visma() {
		return Optional.ofNullable(this.properties.visma());
	}

	public Optional<SlackConnection> slack() {
		return Optional.ofNullable(this.properties.slack());
	}

	public MappingRules mapping() {
		return this.properties.mapping();
	}

	public boolean enabled() {
		return this.properties.enabled();
	}

}
