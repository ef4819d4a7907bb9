package io.mlconnector.batch;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link StaleExecutionRecovery} at start-up and then every
 * {@code mlc.batch.recovery.check-interval}, on one instance at a time (ShedLock
 * {@code batch-execution-recovery}). An instance restarted after a crash therefore
 * recovers its predecessor's executions as soon as the predecessor's heartbeat is stale.
 */
class StaleExecutionRecoverySchedule {

	private static final Logger logger = LoggerFactory.getLogger(StaleExecutionRecoverySchedule.class);

	private final StaleExecutionRecovery recovery;

	StaleExecutionRecoverySchedule(StaleExecutionRecovery recovery) {
		this.recovery = recovery;
	}

	@Scheduled(fixedDelayString = "${mlc.batch.recovery.check-interval:30s}", initialDelay = 0)
	@SchedulerLock(name = "batch-execution-recovery", lockAtMostFor = "PT10M")
	void recover() {
		try {
			this.recovery.recoverStale();
		}
		catch (RuntimeException ex) {
			// the next run tries again
			logger.warn("Recovery of stale job executions failed: {}", ex.getMessage(), ex);
		}
	}

}
