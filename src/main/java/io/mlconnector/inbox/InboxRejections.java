package io.mlconnector.inbox;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Answers a refused request and, for authentication failures, records an audit event with
 * the source address (on the JDBC scheduler, never on the event loop).
 */
class InboxRejections {

	private final AuditTrail audit;

	private final Scheduler jdbcScheduler;

	private final InboxMetrics metrics;

	InboxRejections(AuditTrail audit, Scheduler jdbcScheduler, InboxMetrics metrics) {
		this.audit = audit;
		this.jdbcScheduler = jdbcScheduler;
		this.metrics = metrics;
	}

	Mono<ServerResponse> reject(InboxSource source, ServerRequest request, InboxRequestException ex, Instant at) {
		this.metrics.rejected(source, ex.reason());
		Mono<Void> audited = Mono.empty();
		if (ex.status() == HttpStatus.UNAUTHORIZED) {
			String address = request.remoteAddress()
				.map(InetSocketAddress::getAddress)
				.map((inet) -> inet.getHostAddress())
				.orElse("unknown");
			audited = Mono
				.fromRunnable(() -> this.audit.record(null, "remote:" + address, "webhook.rejected",
						"webhook:" + source.name().toLowerCase() + request.path(), AuditOutcome.REJECTED,
						Map.of("reason", ex.reason(), "remoteAddress", address, "path", request.path())))
				.subscribeOn(this.jdbcScheduler)
				.then()
				.onErrorResume((auditFailure) -> Mono.empty());
		}
		return audited.then(InboxResponses.error(ex.status(), ex.reason(), ex.getMessage()));
	}

}
