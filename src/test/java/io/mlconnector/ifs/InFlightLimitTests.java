package io.mlconnector.ifs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightLimitTests {

	@Test
	void neverMoreThanTheCapRunAtOnceAndEveryRequestRuns() {
		InFlightLimit limit = new InFlightLimit(3);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		Long done = Flux.range(0, 30).flatMap((i) -> limit.run(Mono.defer(() -> {
			most.accumulateAndGet(running.incrementAndGet(), Math::max);
			return Mono.delay(Duration.ofMillis(5)).doOnTerminate(running::decrementAndGet);
		}))).count().block(Duration.ofSeconds(10));
		assertThat(done).isEqualTo(30);
		assertThat(most.get()).isEqualTo(3);
		assertThat(limit.inFlight()).isZero();
	}

	@Test
	void aFailedOrCancelledRequestGivesItsSlotBack() {
		InFlightLimit limit = new InFlightLimit(1);
		limit.run(Mono.error(new IllegalStateException("boom"))).onErrorResume((ex) -> Mono.empty()).block();
		limit.run(Mono.never()).timeout(Duration.ofMillis(20)).onErrorResume((ex) -> Mono.empty()).block();
		assertThat(limit.run(Mono.just("ok")).block(Duration.ofSeconds(2))).isEqualTo("ok");
		assertThat(limit.inFlight()).isZero();
	}

}
