package io.mlconnector.sandbox.gusto;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Gusto simulator.
 *
 * @param clientId OAuth client id of the sandbox application
 * ({@code MLC_SANDBOX_GUSTO_CLIENT_ID})
 * @param clientSecret its client secret ({@code MLC_SANDBOX_GUSTO_CLIENT_SECRET})
 * @param verificationToken the webhook verification token the sandbox sends and signs
 * with ({@code MLC_SANDBOX_GUSTO_VERIFICATION_TOKEN}); random when blank
 * @param accessTokenLifetime {@code expires_in} of issued access tokens (Gusto: 7200 s)
 * @param rateLimit requests allowed per grant in the rolling window (Gusto: 200)
 * @param rateLimitWindow the rolling window (Gusto: 60 s)
 * @param maxPer largest {@code per}; larger values are clamped (ASSUMPTION)
 * @param minimumApiVersion the application's minimum API version, used when the header is
 * missing
 * @param currentApiVersion the newest API version; later dates get 406
 * @param companyUuid the company generated at start-up (the demo tenant's)
 * @param employees employees of that company
 * @param seed seed of that company's data
 * @param webhookUrl where a subscription is created at start-up, or blank for none
 * @param webhookTimeout a delivery not answered 2xx within this is retried (Gusto: 10 s)
 * @param webhookFirstRetry first delay of the exponential webhook backoff
 * @param webhookMaxRetryDelay longest delay between two delivery attempts (ASSUMPTION:
 * Gusto documents no cap; tests compress it)
 * @param webhookAttempts deliveries before a subscription becomes unreachable (Gusto: 16)
 * @param signatureEncoding {@code hex} (what third parties read) or {@code base64}
 */
@ConfigurationProperties("mlc.sandbox.gusto")
public record GustoSandboxProperties(@DefaultValue("sandbox-gusto-client") String clientId,
		@DefaultValue("sandbox-gusto-secret") String clientSecret, String verificationToken,
		@DefaultValue("7200s") Duration accessTokenLifetime, @DefaultValue("200") int rateLimit,
		@DefaultValue("60s") Duration rateLimitWindow, @DefaultValue("100") int maxPer,
		@DefaultValue("2024-04-01") String minimumApiVersion, @DefaultValue("2025-06-15") String currentApiVersion,
		@DefaultValue("7c1a5e32-4a5b-4a3c-9a0e-6f1d2c3b4a51") String companyUuid, @DefaultValue("60") int employees,
		@DefaultValue("42") long seed, String webhookUrl, @DefaultValue("10s") Duration webhookTimeout,
		@DefaultValue("1s") Duration webhookFirstRetry, @DefaultValue("1h") Duration webhookMaxRetryDelay,
		@DefaultValue("16") int webhookAttempts, @DefaultValue("hex") String signatureEncoding) {

}
