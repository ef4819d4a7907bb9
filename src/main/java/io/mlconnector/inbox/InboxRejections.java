package io.mlconnector.inbox;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Answers a refused request, counts it in the metrics and, for authentication failures,
 * records an audit event with the source address (on the JDBC scheduler, never on the
 * event loop) for at most {@code rejectionAuditsPerMinute} of them per minute: the others
 * are only counted, and the next audit event says how many were not recorded.
 */
class InboxRejections {

	private final AuditTrail audit;

	private final Scheduler jdbcScheduler;

	private final InboxMetrics metrics;

	private final Bucket audits;

	private final AtomicLong unrecorded = new AtomicLong();

	InboxRejections(AuditTrail audit, Scheduler jdbcScheduler, InboxMetrics metrics, int auditsPerMinute, Clock clock) {
		this.audits = (auditsPerMinute > 0) ? Bucket.builder()
			.addLimit((limit) -> limit.capacity(auditsPerMinute).refillGreedy(auditsPerMinute, Duration.ofMinutes(1)))
			.withCustomTimePrecision(new ClockTimeMeter(clock))
			.build() : null;
		this.audit = audit;
		this.jdbcScheduler = jdbcScheduler;
		this.metrics = metrics;
	}

	Mono<ServerResponse> reject(InboxSource source, ServerRequest request, InboxRequestException ex, Instant at) {
		this.metrics.rejected(source, ex.reason());
		Mono<Void> audited = Mono.empty();
		if (ex.status() == HttpStatus.UNAUTHORIZED && !sampled()) {
			this.unrecorded.incrementAndGet();
		}
		else if (ex.status() == HttpStatus.UNAUTHORIZED) {
			long notRecorded = this.unrecorded.getAndSet(0);
			String address = request.remoteAddress()
				.map(InetSocketAddress::getAddress)
				.map((inet) -> inet.getHostAddress())
				.orElse("unknown");
			audited = Mono
				.fromRunnable(() -> this.audit.record(null, "remote:" + address, "webhook.rejected",
						"webhook:" + source.name().toLowerCase() + request.path(), AuditOutcome.REJECTED,
						Map.of("reason", ex.reason(), "remoteAddress", address, "path", request.path(),
								"rejectionsNotRecordedBefore", notRecorded)))
				.subscribeOn(this.jdbcScheduler)
				.then()
				.onErrorResume((auditFailure) -> Mono.empty());
		}
		return audited.then(InboxResponses.error(ex.status(), ex.reason(), ex.getMessage()));
	}

	private boolean sampled() {
		return this.audits != null && this.audits.tryConsume(1);
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
