package io.mlconnector.inbox;

import java.time.Duration;
import java.util.List;

import io.mlconnector.secrets.Secret;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook ingest and dispatch.
 *
 * @param maxBodySize largest request body accepted; larger ones get 413
 * @param queueCapacity events waiting for the database per instance; when full, senders
 * get 503 with {@code Retry-After} instead of an unbounded queue
 * @param maxBatchSize most events stored in one transaction (group commit)
 * @param ackTimeout longest a sender waits for its event to be stored before getting 503
 * @param gustoVerificationTokens verification tokens of the Gusto webhook subscription;
 * the first is current, others are accepted during a rotation. Set from the environment
 * ({@code MLC_INBOX_GUSTO_VERIFICATION_TOKENS})
 * @param dispatcher how stored events are dispatched
 * @param rejectionAuditsPerMinute refused requests (401) per minute and instance that are
 * recorded as {@code webhook.rejected} audit events with their source address; every
 * rejection is counted in {@code mlc_inbox_events_total}, but an unauthenticated sender
 * cannot make the service write more rows than this
 * @param maxConcurrentBodies request bodies read at once per instance (each up to
 * {@code maxBodySize}); a request beyond it gets 503 with {@code Retry-After} before its
 * body is read
 */
@ConfigurationProperties("mlc.inbox")
@Validated
public record InboxProperties(@DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue("4096") @Min(1) int queueCapacity, @DefaultValue("256") @Min(1) int maxBatchSize,
		@DefaultValue("5s") Duration ackTimeout, @DefaultValue List<Secret> gustoVerificationTokens,
		@DefaultValue Dispatcher dispatcher, @DefaultValue("10") @Min(0) int rejectionAuditsPerMinute,
		@DefaultValue("64") @Min(1) int maxConcurrentBodies) {

	/**
	 * The dispatcher's settings.
	 *
	 * @param enabled whether this instance dispatches
	 * @param pollInterval pause between claims when there was nothing to do
	 * @param batchSize events claimed at once
	 * @param lease how long a claim lasts; an event whose worker died is claimed again
	 * after it
	 * @param maxAttempts attempts before an event becomes DEAD
	 * @param initialBackoff delay before the first retry; doubles per attempt
	 * @param maxBackoff the longest delay between retries
	 */
	public record Dispatcher(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("50") @Min(1) int batchSize, @DefaultValue("5m") Duration lease,
			@DefaultValue("8") @Min(1) int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
			@DefaultValue("1h") Duration maxBackoff) {

	}

}
