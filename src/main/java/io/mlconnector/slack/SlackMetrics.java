package io.mlconnector.slack;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Request metrics of the Slack client: {@code mlc.slack.requests} (Prometheus
 * {@code mlc_slack_requests_seconds}) per Web API method and outcome ({@code ok}, Slack's
 * error code, {@code http_429}, {@code timeout}, {@code io_error}). The SDK talks HTTP
 * through its own OkHttp client, so the WebClient metrics of the Gusto and IFS clients
 * ({@code http_client_requests_seconds}) do not see these calls.
 */
class SlackMetrics {

	private final MeterRegistry registry;

	SlackMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String method, String outcome, long startedNanos) {
		Timer.builder("mlc.slack.requests")
			.description("Slack Web API calls by method and outcome")
			.tag("method", method)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(Duration.ofNanos(System.nanoTime() - startedNanos));
	}

}
