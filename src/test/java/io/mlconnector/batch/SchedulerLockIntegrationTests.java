package io.mlconnector.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
class SchedulerLockIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void whileOneInstanceHoldsAScheduleTheOtherSkipsItAndTakesItOnceReleased() {
		SchedulerLockConfiguration.DatabaseLockProvider first = instance();
		SchedulerLockConfiguration.DatabaseLockProvider second = instance();
		String name = "sweep-" + UUID.randomUUID().toString().substring(0, 8);

		Optional<SimpleLock> held = first.lock(lock(name, Duration.ofMinutes(5), Duration.ZERO));
		assertThat(held).isPresent();
		assertThat(second.lock(lock(name, Duration.ofMinutes(5), Duration.ZERO))).isEmpty();

		held.get().unlock();
		Optional<SimpleLock> taken = second.lock(lock(name, Duration.ofMinutes(5), Duration.ZERO));
		assertThat(taken).isPresent();
		assertThat(first.lock(lock(name, Duration.ofMinutes(5), Duration.ZERO))).isEmpty();
		taken.get().unlock();
	}

	@Test
	void aLockWhoseHolderDiedIsFreeAfterLockAtMostFor() {
		SchedulerLockConfiguration.DatabaseLockProvider crashed = instance();
		SchedulerLockConfiguration.DatabaseLockProvider survivor = instance();
		String name = "sweep-" + UUID.randomUUID().toString().substring(0, 8);

		assertThat(crashed.lock(lock(name, Duration.ofMillis(500), Duration.ZERO))).isPresent();
		// the holder never unlocks
		assertThat(survivor.lock(lock(name, Duration.ofMinutes(5), Duration.ZERO))).isEmpty();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> survivor.lock(lock(name, Duration.ofMinutes(5), Duration.ZERO)).isPresent());
		assertThat(
				this.jdbc.sql("SELECT locked_by FROM shedlock WHERE name = ?").param(name).query(String.class).single())
			.isNotBlank();
	}

	@Test
	void aFastTaskKeepsItsLockForLockAtLeastFor() {
		SchedulerLockConfiguration.DatabaseLockProvider first = instance();
		SchedulerLockConfiguration.DatabaseLockProvider second = instance();
		String name = "sweep-" + UUID.randomUUID().toString().substring(0, 8);

		first.lock(lock(name, Duration.ofMinutes(5), Duration.ofSeconds(30))).orElseThrow().unlock();
		assertThat(second.lock(lock(name, Duration.ofMinutes(5), Duration.ZERO))).isEmpty();
	}

	private SchedulerLockConfiguration.DatabaseLockProvider instance() {
		return new SchedulerLockConfiguration.DatabaseLockProvider(
				new MariaDbLockStorage(this.jdbc, SchedulerLockConfiguration.instanceName()));
	}

	private static LockConfiguration lock(String name, Duration atMost, Duration atLeast) {
		return new LockConfiguration(Instant.now(), name, atMost, atLeast);
	}

}
