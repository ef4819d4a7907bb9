package io.mlconnector.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long rows that only grow are kept, purged by {@link DataRetention} on one instance
 * at a time.
 *
 * @param enabled whether this instance takes part in purging
 * @param interval pause between purges
 * @param oauthStates how long after it expired an {@code oauth_state} row is kept
 * @param rejectedAuditEvents how long {@code webhook.rejected} audit events are kept
 * (other audit events are kept for good)
 * @param inboxEvents how long after receipt DONE and IGNORED {@code inbox_event} rows are
 * kept; at least 33 days, because the row's unique (source, event uuid) key is what
 * refuses a replayed or re-delivered event, and Gusto retries deliveries for 3 days and
 * keeps its event log (read by the catch-up) for 30 days
 * @param batchSize rows deleted per statement, so a purge never holds long locks
 */
@ConfigurationProperties("mlc.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration interval,
		@DefaultValue("1d") Duration oauthStates, @DefaultValue("30d") Duration rejectedAuditEvents,
		@DefaultValue("45d") Duration inboxEvents, @DefaultValue("5000") int batchSize) {

	/** Gusto's 30-day event log plus its 3-day delivery retries. */
	static final Duration MINIMUM_INBOX_RETENTION = Duration.ofDays(33);

	public RetentionProperties {
		if (inboxEvents.compareTo(MINIMUM_INBOX_RETENTION) < 0) {
			throw new IllegalArgumentException("mlc.retention.inbox-events must be at least 33d (Gusto's 30-day "
					+ "event log plus its 3-day delivery retries), so a replayed event still meets its unique key; "
					+ "was " + inboxEvents);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("mlc.retention.batch-size must be at least 1, was " + batchSize);
		}
	}

}
