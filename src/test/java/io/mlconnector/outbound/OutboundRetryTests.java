package io.mlconnector.outbound;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundRetryTests {

	private static final LongUnaryOperator HIGHEST = (bound) -> bound;

	private final OutboundRetry retry = new OutboundRetry(3, Duration.ofMillis(100), Duration.ofMillis(350),
			Duration.ofSeconds(5));

	@Test
	void theServersRetryAfterIsHonouredAsGiven() {
		assertThat(this.retry.delay(new RetryAfterException("429", Duration.ofSeconds(2)), 0, HIGHEST))
			.isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aRetryAfterLongerThanTheCapIsCapped() {
		assertThat(this.retry.delay(new RetryAfterException("429", Duration.ofHours(1)), 0, HIGHEST))
			.isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void withoutRetryAfterTheJitterCeilingDoublesUpToTheMaximum() {
		RetryAfterException failure = new RetryAfterException("503", null);
		assertThat(this.retry.delay(failure, 0, HIGHEST)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.retry.delay(failure, 1, HIGHEST)).isEqualTo(Duration.ofMillis(200));
		assertThat(this.retry.delay(failure, 2, HIGHEST)).isEqualTo(Duration.ofMillis(350));
		assertThat(this.retry.delay(failure, 30, HIGHEST)).isEqualTo(Duration.ofMillis(350));
	}

	@Test
	void fullJitterDrawsBetweenZeroAndTheCeiling() {
		RetryAfterException failure = new RetryAfterException("503", null);
		for (int i = 0; i < 1000; i++) {
			assertThat(this.retry.delay(failure, 1,
					(bound) -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1)))
				.isBetween(Duration.ZERO, Duration.ofMillis(200));
		}
	}

	@Test
	void retryableFailuresAreRetriedUntilTheyStop() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> call = Mono.defer(() -> (attempts.incrementAndGet() < 3)
				? Mono.error(new RetryAfterException("503", Duration.ofMillis(1))) : Mono.just("ok"));
		StepVerifier.create(call.retryWhen(this.retry.toRetry())).expectNext("ok").verifyComplete();
		assertThat(attempts).hasValue(3);
	}

	@Test
	void whenRetriesRunOutTheLastFailureItselfIsSignalled() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> call = Mono
			.defer(() -> Mono.error(new RetryAfterException("503 #" + attempts.incrementAndGet(), Duration.ZERO)));
		StepVerifier.create(call.retryWhen(this.retry.toRetry((bound) -> 0)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RetryAfterException.class).hasMessage("503 #4"))
			.verify();
		assertThat(attempts).hasValue(4);
	}

	@Test
	void otherFailuresAreNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> call = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(new IllegalStateException("400 bad request"));
		});
		StepVerifier.create(call.retryWhen(this.retry.toRetry())).expectError(IllegalStateException.class).verify();
		assertThat(attempts).hasValue(1);
	}

}
