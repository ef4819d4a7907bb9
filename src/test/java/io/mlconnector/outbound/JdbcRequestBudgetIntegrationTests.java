package io.mlconnector.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest
class JdbcRequestBudgetIntegrationTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RequestBudget requestBudget;

	@Test
	void twoInstancesOnOneDatabaseShareOneBucketAndNeverExceedTheLimitInAnyRollingWindow() {
		// given two instances of the service, as two budgets on the same database
		RateLimit limit = new RateLimit(40, Duration.ofSeconds(2));
		String budget = "test:" + UUID.randomUUID();
		List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
		try (JdbcRequestBudget first = new JdbcRequestBudget(this.dataSource, Clock.systemUTC(),
				new SimpleMeterRegistry());
				JdbcRequestBudget second = new JdbcRequestBudget(this.dataSource, Clock.systemUTC(),
						new SimpleMeterRegistry())) {
			// when 50 callers on each ask for a permit at once
			long start = System.nanoTime();
			Flux.range(0, 100)
				.flatMap((i) -> ((i % 2 == 0) ? first : second).acquire(budget, limit)
					.then(reactor.core.publisher.Mono.fromRunnable(() -> sentAt.add(System.nanoTime() - start))), 100)
				.blockLast(Duration.ofSeconds(30));
		}
		// then every caller got a permit, no rolling two seconds saw more than 40,
		// and both instances drew from one row
		assertThat(sentAt).hasSize(100);
		List<Long> sorted = new ArrayList<>(sentAt);
		Collections.sort(sorted);
		int maxInWindow = 0;
		for (int i = 0, j = 0; i < sorted.size(); i++) {
			while (sorted.get(i) - sorted.get(j) >= Duration.ofSeconds(2).toNanos()) {
				j++;
			}
			maxInWindow = Math.max(maxInWindow, i - j + 1);
		}
		assertThat(maxInWindow).isLessThanOrEqualTo(40);
		// 100 permits at 37 per two seconds after a burst of 2 take over five seconds
		assertThat(sorted.get(sorted.size() - 1)).isGreaterThan(Duration.ofSeconds(5).toNanos());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbound_rate_limit WHERE budget LIKE ?")
			.param(budget + "|%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theApplicationBudgetHandsOutPermitsImmediatelyWhileTheBurstLasts() {
		String budget = "test:" + UUID.randomUUID();
		long start = System.nanoTime();
		Flux.range(0, 10)
			.concatMap((i) -> this.requestBudget.acquire(budget, RateLimit.perMinute(200)))
			.blockLast(Duration.ofSeconds(10));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aBudgetNameMustBeShortEnoughForItsRow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.requestBudget.acquire("x".repeat(121), RateLimit.perMinute(1)))
			.withMessageContaining("1 to 120 characters");
	}

}
