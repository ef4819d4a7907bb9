package io.mlconnector.tenant;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenants ml-connector serves, keyed by tenant id. Read from {@code application.yml}
 * and the optional external file {@code config/tenants.yml}; secrets come from
 * environment variables through {@code ${...}} placeholders.
 *
 * @param tenants tenant id (lower-case letters, digits and dashes; used in job
 * parameters, metrics and URLs) to that tenant's connections and mapping rules
 */
@ConfigurationProperties("mlc")
public record TenantsProperties(@DefaultValue Map<@Pattern(regexp = TenantsProperties.TENANT_ID,
		message = "tenant ids must be 1-40 lower-case letters, digits or dashes, starting with a letter") String, @Valid TenantProperties> tenants) {

	static final String TENANT_ID = "[a-z][a-z0-9-]{0,39}";

}
