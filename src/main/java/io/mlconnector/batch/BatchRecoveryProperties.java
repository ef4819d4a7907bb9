package io.mlconnector.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recovery of job executions whose instance died (killed, crashed, lost its host): each
 * instance writes a heartbeat to the database and records itself as the owner of every
 * execution it launches; an execution still STARTING, STARTED or STOPPING whose owner's
 * heartbeat is stale is marked FAILED, so the inbox, the sweep and operators can restart
 * it.
 *
 * @param enabled whether this instance runs the recovery (every instance writes its
 * heartbeat and records its executions regardless, so another instance can recover them)
 * @param heartbeatInterval how often an instance refreshes its heartbeat
 * @param staleAfter how old an owner's heartbeat must be (by the database's clock) before
 * its running executions are recovered; at least three heartbeat intervals, so a slow
 * database round trip never fails a live job
 * @param unownedStaleAfter how long an execution without a recorded owner (launched
 * before owners were recorded, or by a tool through Boot's synchronous job operator) must
 * have gone without any update of its job or step executions before it is recovered;
 * longer than the longest chunk or tasklet, since without a heartbeat silence is the only
 * sign of death
 * @param checkInterval how often the recovery looks for stale executions (on one instance
 * at a time); it also runs once at start-up
 */
@ConfigurationProperties("mlc.batch.recovery")
public record BatchRecoveryProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("10s") Duration heartbeatInterval, @DefaultValue("1m") Duration staleAfter,
		@DefaultValue("1h") Duration unownedStaleAfter, @DefaultValue("30s") Duration checkInterval) {

	public BatchRecoveryProperties {
		if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
			throw new IllegalArgumentException(
					"mlc.batch.recovery.heartbeat-interval must be positive, was " + heartbeatInterval);
		}
		if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
			throw new IllegalArgumentException("mlc.batch.recovery.stale-after (" + staleAfter
					+ ") must be at least three heartbeat intervals (" + heartbeatInterval.multipliedBy(3)
					+ "), or a live instance's jobs could be recovered while it runs them");
		}
		if (unownedStaleAfter.compareTo(staleAfter) < 0) {
			throw new IllegalArgumentException("mlc.batch.recovery.unowned-stale-after (" + unownedStaleAfter
					+ ") must not be shorter than stale-after (" + staleAfter + ")");
		}
		if (checkInterval.isNegative() || checkInterval.isZero()) {
			throw new IllegalArgumentException(
					"mlc.batch.recovery.check-interval must be positive, was " + checkInterval);
		}
	}

}
