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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
	void aCallerThatWouldWaitLongerThanTheReservationCapIsRefusedAtOnceAndReservesNothing() {
		// given a budget of one request per ten minutes whose one permit is taken
		String budget = "test:" + UUID.randomUUID();
		RateLimit slow = new RateLimit(1, Duration.ofMinutes(10));
		this.requestBudget.acquire(budget, slow).block(Duration.ofSeconds(5));

		// when twenty more callers ask (each would wait ten minutes or more, beyond the
		// two-minute cap)
		long start = System.nanoTime();
		List<Throwable> refusals = Flux.range(0, 20)
			.flatMap((i) -> this.requestBudget.acquire(budget, slow)
				.then(reactor.core.publisher.Mono.<Throwable>empty())
				.onErrorResume((ex) -> reactor.core.publisher.Mono.just(ex)))
			.collectList()
			.block(Duration.ofSeconds(10));

		// then each is refused at once, and the bucket was not pushed into the future:
		// the
		// next permit is still the one of the next window, not twenty windows ahead
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(refusals).hasSize(20)
			.allSatisfy(
					(ex) -> assertThat(ex).isInstanceOf(BudgetExhaustedException.class).hasMessageContaining(budget));
		assertThatThrownBy(() -> this.requestBudget.acquireNow(budget, slow).block(Duration.ofSeconds(5)))
			.isInstanceOf(BudgetExhaustedException.class)
			.satisfies((ex) -> assertThat(((BudgetExhaustedException) ex).retryAfter())
				.hasValueSatisfying((wait) -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(10))));
	}

	@Test
	void acquireNowTakesAFreePermitAndOtherwiseFailsWithoutReserving() {
		// a budget with a burst of one, refilled with one permit every two seconds
		String budget = "test:" + UUID.randomUUID();
		RateLimit limit = new RateLimit(3, Duration.ofSeconds(2));
		this.requestBudget.acquireNow(budget, limit).block(Duration.ofSeconds(5));

		assertThatThrownBy(() -> this.requestBudget.acquireNow(budget, limit).block(Duration.ofSeconds(5)))
			.isInstanceOf(BudgetExhaustedException.class)
			.satisfies((ex) -> assertThat(((BudgetExhaustedException) ex).retryAfter()).hasValueSatisfying(
					(wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2))));
		// the refusal reserved nothing: after one refill period a permit is free again
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
			this.requestBudget.acquireNow(budget, limit).block(Duration.ofSeconds(5));
			return true;
		});
		assertThatThrownBy(() -> this.requestBudget.acquireNow(budget, limit).block(Duration.ofSeconds(5)))
			.isInstanceOf(BudgetExhaustedException.class);
	}

	@Test
	void aBudgetNameMustBeShortEnoughForItsRow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.requestBudget.acquire("x".repeat(121), RateLimit.perMinute(1)))
			.withMessageContaining("1 to 120 characters");
	}

}
