package io.mlconnector.sandbox.ifs;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The IFS Cloud sandbox ({@code mlc.sandbox.ifs.*}, profile {@code sandbox}).
 *
 * @param realm IAM realm of the token endpoint
 * {@code /sandbox/ifs/auth/realms/<realm>/protocol/openid-connect/token}
 * @param clientId the one IAM client the sandbox accepts;
 * {@code MLC_SANDBOX_IFS_CLIENT_ID}
 * @param clientSecret its secret; {@code MLC_SANDBOX_IFS_CLIENT_SECRET}
 * @param tokenLifetime {@code expires_in} of access tokens (IFS's documented sample: 180
 * s)
 * @param refreshTokenLifetime {@code refresh_expires_in} (IFS's sample: 1800 s)
 * @param defaultPageSize records per page when the client does not ask with
 * {@code Prefer: odata.maxpagesize}
 * @param maxPageSize the most records one page carries, whatever the client asks
 * @param requestsPerMinute per-client request limit answered with 429 and
 * {@code Retry-After}; 0 switches it off (IFS publishes no limit: a simulator choice)
 * @param names sandbox default name to the name to serve instead, for projections, entity
 * sets, entity types (and so their actions) and navigations, e.g.
 * {@code ManSuppInvoiceSet: SupplierInvoiceSet}, to rehearse a tenant whose names differ
 */
@ConfigurationProperties("mlc.sandbox.ifs")
record IfsSandboxProperties(@DefaultValue("sandbox") String realm, @DefaultValue("sandbox-ifs-client") String clientId,
		@DefaultValue("sandbox-ifs-secret") String clientSecret, @DefaultValue("180s") Duration tokenLifetime,
		@DefaultValue("1800s") Duration refreshTokenLifetime, @DefaultValue("1000") int defaultPageSize,
		@DefaultValue("5000") int maxPageSize, @DefaultValue("1000") int requestsPerMinute, Map<String, String> names) {

	IfsSandboxProperties {
		names = (names != null) ? Map.copyOf(names) : Map.of();
	}

}
