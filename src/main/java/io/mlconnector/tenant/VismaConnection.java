package io.mlconnector.tenant;

import java.net.URI;

import io.mlconnector.secrets.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenant's Visma.net ERP company, reached with a Visma Connect service application
 * (client credentials).
 *
 * @param baseUrl Visma.net ERP API root; only {@code https://api.finance.visma.net} is
 * current (the old integration host is throttled and being shut down)
 * @param tokenUrl Visma Connect token endpoint
 * @param clientId Visma Connect client id of the ml-connector service application
 * @param clientSecret its secret; set it from an environment variable
 * @param tenantId the Visma company's <em>company</em> tenant id (not the customer tenant
 * id, which authenticates but gets 401 from the API)
 * @param scope scopes requested with the token
 * @param ippCompanyId company id sent as {@code ipp-company-id}; empty sends no such
 * header
 */
public record VismaConnection(@DefaultValue("https://api.finance.visma.net") @NotNull URI baseUrl,
		@DefaultValue("https://connect.visma.com/connect/token") @NotNull URI tokenUrl,
		@NotBlank(message = "set the Visma Connect client id of the ml-connector service application") String clientId,
		@NotNull(
				message = "set the Visma Connect client secret from an environment variable, e.g. client-secret: ${VISMA_CLIENT_SECRET}") Secret clientSecret,
		@NotBlank(
				message = "set the company tenant id (Visma Admin > Company > Configuration > Tenant id), not the customer tenant id") String tenantId,
		@DefaultValue("vismanet_erp_service_api:read vismanet_erp_service_api:create vismanet_erp_service_api:update") @NotBlank String scope,
		String ippCompanyId) {

}
