package io.mlconnector.visma;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How ml-connector talks to Visma.net ERP, for every tenant (per-tenant settings are in
 * {@code mlc.tenants.<id>.visma}).
 *
 * @param tokenLeeway a token is renewed this long before its {@code expires_in} runs out
 * @param requestTimeout longest wait for one response; a timeout of a read or an update
 * is retried, of a create it is an unknown outcome
 * @param maxRetries retries of a request after 429, 5xx or a timeout
 * @param rateLimitWindow the window of {@code requests-per-hour}: one hour as Visma
 * documents ("X requests per hour for each company and client"), shorter only in tests
 * @param maxRateLimitWait longest wait for the rate-limit window to reset
 * ({@code X-RateLimit-Reset}) before a request fails with
 * {@link VismaRateLimitedException} instead
 * @param connectionCheck whether the Visma connection check runs for health and the
 * operator API
 */
@ConfigurationProperties("mlc.visma")
@Validated
public record VismaProperties(@DefaultValue("60s") Duration tokenLeeway, @DefaultValue("30s") Duration requestTimeout,
		@DefaultValue("5") @Min(0) int maxRetries, @DefaultValue("1h") Duration rateLimitWindow,
		@DefaultValue("15m") Duration maxRateLimitWait, @DefaultValue("true") boolean connectionCheck) {

}
