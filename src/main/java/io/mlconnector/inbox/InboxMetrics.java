package io.mlconnector.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Inbox metrics: events received, duplicate and rejected by source and type, and the time
 * from receiving a request to acknowledging it.
 */
class InboxMetrics {

	private final MeterRegistry registry;

	private final Clock clock;

	InboxMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	void received(InboxSource source, String type, InboxWriter.StoreResult result, Instant receivedAt) {
		String outcome = (result == InboxWriter.StoreResult.STORED) ? "stored" : "duplicate";
		Counter.builder("mlc.inbox.events")
			.description("Events received, by source, type and outcome (stored, duplicate, rejected)")
			.tag("source", source.name().toLowerCase())
			.tag("type", type)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
		Timer.builder("mlc.inbox.ack")
			.description("Time from receiving a request to acknowledging it after the commit")
			.tag("source", source.name().toLowerCase())
			.publishPercentileHistogram()
			.register(this.registry)
			.record(Duration.between(receivedAt, this.clock.instant()));
	}

	void rejected(InboxSource source, String reason) {
		Counter.builder("mlc.inbox.events")
			.tag("source", source.name().toLowerCase())
			.tag("type", "unknown")
			.tag("outcome", "rejected:" + reason)
			.register(this.registry)
			.increment();
	}

	void busy(InboxSource source) {
		rejected(source, "busy");
	}

}
