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
 * The tenant's Gusto company, reached through Gusto's App Integrations API with OAuth.
 *
 * @param baseUrl Gusto API root: {@code https://api.gusto.com} in production,
 * {@code https://api.gusto-demo.com} while developing
 * @param clientId OAuth client id of the ml-connector application in Gusto's developer
 * portal
 * @param clientSecret OAuth client secret; set it from an environment variable
 * @param companyUuid the Gusto company this tenant connects; the OAuth callback refuses a
 * grant for any other company
 * @param redirectUri public URL of this service's {@code /connect/gusto/callback},
 * registered with Gusto
 * @param apiVersion value of the {@code X-Gusto-API-Version} header every request carries
 * @param requestsPerMinute requests per rolling minute per OAuth grant; Gusto allows 200
 * @param postPayments whether {@code payroll.paid} events post a PAYMENT voucher
 */
public record GustoConnection(@DefaultValue("https://api.gusto.com") @NotNull URI baseUrl,
		@NotBlank(message = "set the OAuth client id from Gusto's developer portal") String clientId,
		@NotNull(
				message = "set the OAuth client secret from an environment variable, e.g. client-secret: ${GUSTO_CLIENT_SECRET}") Secret clientSecret,
		@NotBlank(message = "set the uuid of the Gusto company this tenant connects") String companyUuid,
		@NotNull(
				message = "set the public URL of this service's /connect/gusto/callback, as registered with Gusto") URI redirectUri,
		@DefaultValue("2025-06-15") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}",
				message = "api-version is a date such as 2025-06-15") String apiVersion,
		@DefaultValue("200") @Min(1) @Max(value = 200,
				message = "Gusto allows at most 200 requests per minute per grant") int requestsPerMinute,
		@DefaultValue("false") boolean postPayments) {

}
