package io.mlconnector.tenant;

import java.net.URI;

import io.mlconnector.secrets.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenant's Visma.net ERP company, reached with a Visma Connect service application
 * (client credentials). One Visma Connect connection covers exactly one company, so one
 * tenant has one Visma company and one token.
 *
 * @param baseUrl Visma.net ERP API root, without {@code /v1}; only
 * {@code https://api.finance.visma.net} is current (the old integration host is throttled
 * and being shut down)
 * @param tokenUrl Visma Connect token endpoint
 * @param clientId Visma Connect client id of the ml-connector service application
 * @param clientSecret its secret; set it from an environment variable
 * @param tenantId the Visma company's <em>company</em> tenant id (not the customer tenant
 * id, which authenticates but gets 401 from the API)
 * @param scope scopes requested with the token, space-separated
 * @param ippCompanyId company id sent as {@code ipp-company-id}; empty sends no such
 * header (whether the current API needs it is not documented)
 * @param requestsPerHour requests per hour for this company and client, shared by all
 * instances; Visma does not publish its number, so set what Visma agreed with you (the
 * client also slows down when {@code X-RateLimit-Remaining} runs out)
 * @param pageSize {@code pageSize} asked for on paged lists; the server may cap it
 * silently at its {@code metadata.maxPageSize}
 */
public record VismaConnection(@DefaultValue("https://api.finance.visma.net") @NotNull URI baseUrl,
		@DefaultValue("https://connect.visma.com/connect/token") @NotNull URI tokenUrl,
		@NotBlank(message = "set the Visma Connect client id of the ml-connector service application") String clientId,
		@NotNull(
				message = "set the Visma Connect client secret from an environment variable, e.g. client-secret: ${VISMA_CLIENT_SECRET}") Secret clientSecret,
		@NotBlank(
				message = "set the company tenant id (Visma Admin > Company > Configuration > Tenant id), not the customer tenant id") @Pattern(
						regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
						message = "the company tenant id is a uuid (Visma Admin > Company > Configuration > Tenant id)") String tenantId,
		@DefaultValue("vismanet_erp_service_api:read vismanet_erp_service_api:create vismanet_erp_service_api:update") @NotBlank String scope,
		String ippCompanyId, @DefaultValue("5000") @Min(1) int requestsPerHour,
		@DefaultValue("100") @Min(1) @Max(value = 1000,
				message = "page-size is at most 1000; Visma caps it at its maxPageSize anyway") int pageSize) {

}
