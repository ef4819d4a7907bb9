package io.mlconnector.sandbox.visma;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Visma.net sandbox ({@code mlc.sandbox.visma.*}, profile {@code sandbox}).
 *
 * @param clientId the one Visma Connect client the sandbox accepts
 * @param clientSecret its secret
 * @param grantedScopes scopes granted to that client (a token request for others gets
 * {@code invalid_scope})
 * @param companyTenants company tenant id to company name: each is a Visma company with
 * its own data, seeded with the departments, branches, classes and calendar the demo
 * tenant's mapping names
 * @param customerTenants customer tenant ids: Visma Connect issues tokens for them, the
 * API answers 401 [DOC-401]
 * @param tokenLifetime {@code expires_in} (the docs' example: 3600 s)
 * @param defaultPageSize page size without {@code pageSize}, so a client that omits it
 * misses data (ASSUMPTION, as the docs warn)
 * @param maxPageSize {@code metadata.maxPageSize}: larger {@code pageSize}s are capped
 * silently [SPEC-3P]; 100 is an ASSUMPTION (Visma does not publish it for employees)
 * @param requestsPerWindow requests per window per company and client; Visma does not
 * publish its number (ASSUMPTION), 0 switches the limit off
 * @param rateLimitWindow the fixed window: one hour as Visma documents, shorter in tests
 * @param retryAfter whether a 429 also carries {@code Retry-After} (Visma does not
 * document one)
 * @param timeZone zone of {@code lastModifiedDateTime} values (not documented by Visma)
 * @param employees employees generated per company at start-up and on reset
 */
@ConfigurationProperties("mlc.sandbox.visma")
record VismaSandboxProperties(@DefaultValue("sandbox-visma-client") String clientId,
		@DefaultValue("sandbox-visma-secret") String clientSecret, @DefaultValue( {
				"vismanet_erp_service_api:read", "vismanet_erp_service_api:create",
				"vismanet_erp_service_api:update" }) List<String> grantedScopes,
		Map<String, String> companyTenants,
		@DefaultValue("0c9d8e7f-1a2b-4c3d-8e9f-a1b2c3d4e5f6") List<String> customerTenants,
		@DefaultValue("3600s") Duration tokenLifetime, @DefaultValue("100") int defaultPageSize,
		@DefaultValue("100") int maxPageSize, @DefaultValue("5000") int requestsPerWindow,
		@DefaultValue("1h") Duration rateLimitWindow, @DefaultValue("false") boolean retryAfter,
		@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("0") int employees){

	static final String DEMO_COMPANY = "5b7c2a10-0d4e-4f7e-9a51-3c2b1a0f9e87";

	VismaSandboxProperties {
		companyTenants = (companyTenants != null && !companyTenants.isEmpty()) ? new LinkedHashMap<>(companyTenants)
				: new LinkedHashMap<>(Map.of(DEMO_COMPANY, "Demo Co (sandbox)"));
	}

}
