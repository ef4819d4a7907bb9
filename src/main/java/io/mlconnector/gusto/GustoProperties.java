package io.mlconnector.gusto;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How ml-connector talks to Gusto, for every tenant (per-tenant settings are in
 * {@code mlc.tenants.<id>.gusto}).
 *
 * @param refreshLeeway refresh this long before the access token expires; Gusto
 * recommends {@code expires_in - 60 s}
 * @param refreshClaim how long one instance may hold the refresh of a grant; a crashed
 * refresher blocks the grant at most this long
 * @param refreshWait how long a caller waits for another thread or instance to finish a
 * refresh before failing
 * @param connectStateTtl how long the {@code state} of the connect flow stays valid
 * (Gusto's authorization codes live 10 minutes)
 * @param rateLimitWindow the rolling window of the per-grant limit
 * ({@code requests-per-minute} requests in this window); 1 minute as Gusto documents,
 * shorter only in tests
 * @param requestTimeout longest wait for one response; a timeout is retried
 * @param maxRetries retries of a request after 429, 5xx or a timeout
 * @param maxConflictRetries re-reads and retries of a write after 409
 * {@code invalid_resource_version}
 * @param pageSize {@code per} sent on paged endpoints; at most 100
 * @param pageConcurrency pages fetched at once after the first; the rate limit paces them
 * anyway
 * @param webhookUrl public URL of this service's {@code /webhooks/gusto}, used by the
 * subscription command
 * @param subscriptionTypes entity types the webhook subscription asks for
 * @param handshakeWindow how long after the subscription command this service accepts the
 * unsigned handshake POST of the verification token; outside it, a handshake POST is
 * refused without calling Gusto
 * @param webhookTokenGrace how long a verification token keeps verifying deliveries after
 * a newer token of the same application and URL replaced it (deliveries signed before the
 * switch may still be retried)
 * @param connectionCheck whether the Gusto connection check runs for health and the
 * operator API (tests that supply their own check switch it off)
 */
@ConfigurationProperties("mlc.gusto")
@Validated
public record GustoProperties(@DefaultValue("60s") Duration refreshLeeway, @DefaultValue("30s") Duration refreshClaim,
		@DefaultValue("45s") Duration refreshWait, @DefaultValue("10m") Duration connectStateTtl,
		@DefaultValue("1m") Duration rateLimitWindow, @DefaultValue("30s") Duration requestTimeout,
		@DefaultValue("5") @Min(0) int maxRetries, @DefaultValue("3") @Min(0) int maxConflictRetries,
		@DefaultValue("100") @Min(1) int pageSize, @DefaultValue("4") @Min(1) int pageConcurrency, URI webhookUrl,
		@DefaultValue( {
				"Company", "Employee", "EmployeeJobCompensation", "Location",
				"Payroll" }) List<String> subscriptionTypes,
		@DefaultValue("15m") Duration handshakeWindow, @DefaultValue("24h") Duration webhookTokenGrace){

	public GustoProperties {
		if (pageSize > 100) {
			throw new IllegalArgumentException("mlc.gusto.page-size is at most 100 (Gusto's maximum), was " + pageSize);
		}
	}

}
