package io.mlconnector.batch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BatchRecoveryPropertiesTests {

	@Test
	void theDefaultsGiveAnOwnerSixHeartbeatsBeforeItsExecutionsAreRecovered() {
		BatchRecoveryProperties defaults = new BatchRecoveryProperties(true, Duration.ofSeconds(10),
				Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(30));
		assertThat(defaults.staleAfter().dividedBy(defaults.heartbeatInterval())).isEqualTo(6);
	}

	@Test
	void aStaleAfterShorterThanThreeHeartbeatsIsRefusedSayingWhy() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BatchRecoveryProperties(true, Duration.ofSeconds(10), Duration.ofSeconds(20),
					Duration.ofHours(1), Duration.ofSeconds(30)))
			.withMessage("mlc.batch.recovery.stale-after (PT20S) must be at least three heartbeat intervals (PT30S), "
					+ "or a live instance's jobs could be recovered while it runs them");
	}

	@Test
	void anUnownedThresholdShorterThanTheOwnedOneIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BatchRecoveryProperties(true, Duration.ofSeconds(10), Duration.ofMinutes(5),
					Duration.ofMinutes(1), Duration.ofSeconds(30)))
			.withMessageContaining("unowned-stale-after (PT1M) must not be shorter than stale-after (PT5M)");
	}

	@Test
	void aZeroHeartbeatIntervalIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BatchRecoveryProperties(true, Duration.ZERO, Duration.ofMinutes(1),
					Duration.ofHours(1), Duration.ofSeconds(30)))
			.withMessageContaining("heartbeat-interval must be positive");
	}

}
