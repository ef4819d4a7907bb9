package io.mlconnector.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link RequestBudget} whose token buckets live in MariaDB, shared by every instance.
 * <p>
 * A limit of {@code n} requests per rolling window is enforced by a bucket of capacity
 * {@code b = max(1, n/20)} (the burst) refilled greedily with {@code n - b - n/100}
 * tokens per window. In any window of that length a bucket hands out at most its capacity
 * plus one window's refill, which stays below {@code n} with a margin of about 1% for the
 * time between taking a permit and the request arriving. Sustained throughput is
 * therefore about 94% of the documented limit; the price of never causing a 429.
 * <p>
 * Permits are reservations ({@code consumeIgnoringRateLimits}): a caller that finds the
 * bucket empty takes the next token anyway and waits until it would have been refilled,
 * so waiting callers are served in the order they came, with one database round trip
 * each. No caller reserves further ahead than {@code maxReservation}: beyond it the
 * caller gets a {@link BudgetExhaustedException} and the bucket is left as it was.
 */
class JdbcRequestBudget implements RequestBudget, AutoCloseable {

	private final MariaDbBucketProxyManager buckets;

	private final Scheduler jdbcScheduler;

	private final MeterRegistry registry;

	private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();

	private final Duration maxReservation;

	private final ScheduledExecutorService timer;

	JdbcRequestBudget(DataSource dataSource, Clock clock, MeterRegistry registry) {
		this(dataSource, clock, registry, Duration.ofMinutes(2));
	}

	JdbcRequestBudget(DataSource dataSource, Clock clock, MeterRegistry registry, Duration maxReservation) {
		this.buckets = new MariaDbBucketProxyManager(dataSource,
				ClientSideConfig.getDefault().withClientClock(new ClockTimeMeter(clock)));
		// bounded: permits are taken off the event loop, never by unbounded threads
		this.jdbcScheduler = Schedulers.newBoundedElastic(8, 4096, "outbound-budget");
		this.registry = registry;
		this.maxReservation = maxReservation;
		// completes reservations when their time has come; holds no thread while waiting
		this.timer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "outbound-budget-timer");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public Mono<Void> acquire(String budget, RateLimit limit) {
		BucketProxy bucket = bucket(budget, limit);
		return Mono.defer(() -> {
			long start = System.nanoTime();
			CompletableFuture<Boolean> permit = bucket.asScheduler()
				.tryConsume(1, this.maxReservation.toNanos(), this.timer);
			return Mono.fromFuture(permit).flatMap((granted) -> {
				if (!granted) {
					return Mono.error(new BudgetExhaustedException(budget, null));
				}
				waitTimer(budget).record(Duration.ofNanos(System.nanoTime() - start));
				return Mono.<Void>empty();
			});
		}).subscribeOn(this.jdbcScheduler);
	}

	@Override
	public Mono<Void> acquireNow(String budget, RateLimit limit) {
		BucketProxy bucket = bucket(budget, limit);
		return Mono.fromCallable(() -> bucket.tryConsumeAndReturnRemaining(1))
			.subscribeOn(this.jdbcScheduler)
			.flatMap((probe) -> probe.isConsumed() ? Mono.<Void>empty() : Mono
				.error(new BudgetExhaustedException(budget, Duration.ofNanos(probe.getNanosToWaitForRefill()))));
	}

	private BucketProxy bucket(String budget, RateLimit limit) {
		if (budget == null || budget.isBlank() || budget.length() > 120) {
			throw new IllegalArgumentException("a budget name has 1 to 120 characters, was '" + budget + "'");
		}
		return this.proxies.computeIfAbsent(key(budget, limit),
				(key) -> this.buckets.builder().build(key, () -> configuration(limit)));
	}

	@Override
	public void close() {
		this.jdbcScheduler.dispose();
		this.timer.shutdownNow();
	}

	/**
	 * The bucket of a budget under a given limit: a changed limit gets a fresh bucket.
	 */
	static String key(String budget, RateLimit limit) {
		return budget + "|" + limit.requests() + "/" + limit.window();
	}

	static BucketConfiguration configuration(RateLimit limit) {
		long requests = limit.requests();
		long burst = Math.max(1, requests / 20);
		long margin = Math.max(1, requests / 25);
		long refill = Math.max(1, requests - burst - margin);
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(burst).refillGreedy(refill, limit.window()))
			.build();
	}

	private Timer waitTimer(String budget) {
		return Timer.builder("mlc.outbound.budget.wait")
			.description("Time a request waited for a permit of its outbound budget")
			.tag("budget", budget)
			.register(this.registry);
	}

	/**
	 * Bucket4j's clock from the application's {@link Clock}.
	 */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			return Math.multiplyExact(this.clock.millis(), 1_000_000L);
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
