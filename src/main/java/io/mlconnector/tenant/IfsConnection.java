package io.mlconnector.tenant;

import java.net.URI;
import java.time.Duration;

import io.mlconnector.secrets.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenant's IFS Cloud, reached through its OData v4 projections with an IAM client
 * (client credentials).
 *
 * @param baseUrl scheme, host and port of the IFS Cloud system, for example
 * {@code https://acme.ifs.cloud}
 * @param servicePath path of the projection services below {@code base-url}
 * ({@code /main/...} or {@code /int/...})
 * @param realm IAM realm (namespace) of the token endpoint
 * {@code <base-url>/auth/realms/<realm>/protocol/openid-connect/token}
 * @param clientId IAM client id (a confidential client with a service user)
 * @param clientSecret IAM client secret; set it from an environment variable
 * @param company the IFS company id payroll vouchers go to unless a mapping rule says
 * otherwise
 * @param maxPageSize page size asked for with {@code Prefer: odata.maxpagesize}; the
 * server may choose another
 * @param requestsPerMinute requests per minute to this IFS system, shared by all
 * instances
 * @param maxConcurrentRequests requests in flight at once to this IFS system, per
 * instance
 * @param entitySets projection and entity set names
 * @param pollOverlap how far behind the stored watermark a change poll starts again; IFS
 * timestamps have one-second resolution and the server clock is not ours, so at least two
 * seconds
 * @param requestTimeout longest wait for one response (IFS actions can be slow)
 */
public record IfsConnection(@NotNull(message = "set the IFS Cloud base URL, e.g. https://acme.ifs.cloud") URI baseUrl,
		@DefaultValue("/main/ifsapplications/projection/v1") @Pattern(regexp = "/.*[^/]",
				message = "service-path starts with / and does not end with /") String servicePath,
		@NotBlank(message = "set the IAM realm (namespace) of the IFS token endpoint") String realm,
		@NotBlank(message = "set the IAM client id of the ml-connector integration client") String clientId,
		@NotNull(
				message = "set the IAM client secret from an environment variable, e.g. client-secret: ${IFS_CLIENT_SECRET}") Secret clientSecret,
		@NotBlank(message = "set the IFS company id payroll vouchers go to") String company,
		@DefaultValue("1000") @Min(1) @Max(5000) int maxPageSize, @DefaultValue("1000") @Min(1) int requestsPerMinute,
		@DefaultValue("8") @Min(1) @Max(64) int maxConcurrentRequests, @Valid IfsEntitySets entitySets,
		@DefaultValue("5s") Duration pollOverlap, @DefaultValue("120s") Duration requestTimeout) {

	public IfsConnection {
		entitySets = (entitySets != null) ? entitySets : IfsEntitySets.defaults();
		pollOverlap = (pollOverlap != null) ? pollOverlap : Duration.ofSeconds(5);
		requestTimeout = (requestTimeout != null) ? requestTimeout : Duration.ofSeconds(120);
	}

}
