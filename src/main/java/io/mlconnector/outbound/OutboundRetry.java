package io.mlconnector.outbound;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The retry policy of every outbound client, as a Reactor {@link Retry}: only a
 * {@link RetryAfterException} is retried, at most {@code maxRetries} times; each wait is
 * the server's {@code Retry-After} when it gave one (capped at {@code maxRetryAfter}),
 * else exponential backoff with full jitter: a random delay between zero and
 * {@code min(maxBackoff, firstBackoff * 2^retry)}. When the retries are used up the last
 * failure itself is signalled, so callers see what the server said.
 *
 * @param maxRetries retries after the first attempt
 * @param firstBackoff ceiling of the first jittered wait
 * @param maxBackoff ceiling of every jittered wait
 * @param maxRetryAfter longest {@code Retry-After} honoured as given
 */
public record OutboundRetry(int maxRetries, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/**
	 * Five retries, backoff from 500 ms up to 30 s, {@code Retry-After} up to 2 minutes.
	 */
	public static final OutboundRetry DEFAULT = new OutboundRetry(5, Duration.ofMillis(500), Duration.ofSeconds(30),
			Duration.ofMinutes(2));

	public OutboundRetry {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative");
		}
	}

	/**
	 * The policy as a Reactor retry spec with random jitter.
	 * @return the spec, for {@code Mono.retryWhen(..)}
	 */
	public Retry toRetry() {
		return toRetry((bound) -> (bound <= 0) ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
	}

	/**
	 * The policy with a given source of jitter.
	 * @param jitter maps an upper bound in milliseconds to a delay between zero and it
	 * @return the spec
	 */
	Retry toRetry(LongUnaryOperator jitter) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			if (!(failure instanceof RetryAfterException retryable) || signal.totalRetries() >= this.maxRetries) {
				return Mono.error(failure);
			}
			return Mono.delay(delay(retryable, signal.totalRetries(), jitter)).thenReturn(signal);
		}));
	}

	/**
	 * The wait before retry number {@code retry + 1}.
	 * @param failure what the server said
	 * @param retry retries made so far
	 * @param jitter source of jitter
	 * @return the wait
	 */
	Duration delay(RetryAfterException failure, long retry, LongUnaryOperator jitter) {
		return failure.retryAfter()
			.map((asked) -> (asked.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : asked)
			.orElseGet(() -> Duration.ofMillis(jitter.applyAsLong(ceiling(retry).toMillis())));
	}

	private Duration ceiling(long retry) {
		Duration ceiling = this.firstBackoff;
		for (long i = 0; i < retry && ceiling.compareTo(this.maxBackoff) < 0; i++) {
			ceiling = ceiling.multipliedBy(2);
		}
		return (ceiling.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : ceiling;
	}

}
