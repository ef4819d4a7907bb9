package io.mlconnector.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.mlconnector.MlConnectorApplication;
import io.mlconnector.gusto.GustoWebhookSignature;
import io.mlconnector.secrets.Secret;
import io.netty.buffer.Unpooled;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Durable ingest of signed Gusto webhooks against a no-op WebFlux endpoint that reads the
 * body and answers 200 without storing anything, in one run, on loopback. Reports events
 * per second, p50/p99/max acknowledgement latency and events lost (acknowledged as stored
 * but not in the database). Run with:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.mlconnector.benchmark.InboxIngestBenchmark [-Dexec.args="30000 32"]
 * </pre>
 *
 * Arguments: events per run (default 30000) and concurrent requests (default 32). Uses
 * the MariaDB server at 127.0.0.1:3306 if it answers (a throw-away database), otherwise
 * an embedded one.
 */
public final class InboxIngestBenchmark {

	static final String COMPANY = "5df911a0-e8e9-412d-8aaf-a46ad193dd96";

	static final Secret TOKEN = new Secret("benchmark-verification-token");

	private InboxIngestBenchmark() {
	}

	public static void main(String[] args) {
		int events = (args.length > 0) ? Integer.parseInt(args[0]) : 30_000;
		int concurrency = (args.length > 1) ? Integer.parseInt(args[1]) : 32;
		System.setProperty("mlc.devdb.mode", "test");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MlConnectorApplication.class,
				NoOpEndpoint.class)
			.web(WebApplicationType.REACTIVE)
			.properties(Map.of("server.port", "0", "logging.level.root", "WARN", "mlc.inbox.gusto-verification-tokens",
					TOKEN.value(), "mlc.inbox.dispatcher.enabled", "false", "mlc.tenants.bench.display-name", "Bench",
					"mlc.tenants.bench.time-zone", "UTC", "mlc.tenants.bench.currency", "USD",
					"mlc.tenants.bench.gusto.client-id", "bench", "mlc.tenants.bench.gusto.client-secret", "bench",
					"mlc.tenants.bench.gusto.company-uuid", COMPANY))
			.properties("mlc.tenants.bench.gusto.redirect-uri=http://localhost/connect/gusto/callback")
			.run();
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			HttpClient client = HttpClient.create(
					ConnectionProvider.builder("bench").maxConnections(concurrency).pendingAcquireMaxCount(-1).build())
				.baseUrl("http://127.0.0.1:" + port)
				.responseTimeout(Duration.ofSeconds(30));
			System.out.printf("ml-connector inbox ingest benchmark: %d events per run, %d concurrent, %d cores%n",
					events, concurrency, Runtime.getRuntime().availableProcessors());
			// warm-up of both paths, not reported
			run(client, "/bench/noop", Math.min(events, 5_000), concurrency);
			run(client, "/webhooks/gusto", Math.min(events, 5_000), concurrency);
			jdbc.sql("DELETE FROM inbox_event").update();
			Result noop = run(client, "/bench/noop", events, concurrency);
			Result ingest = run(client, "/webhooks/gusto", events, concurrency);
			long stored = jdbc.sql("SELECT COUNT(*) FROM inbox_event").query(Long.class).single();
			long lost = ingest.acknowledged() - stored;
			print("no-op endpoint", noop);
			print("durable ingest", ingest);
			System.out.printf("stored rows: %d, acknowledged 200: %d, lost: %d, refused 503: %d%n", stored,
					ingest.acknowledged(), Math.max(lost, 0), ingest.busy());
			System.out.printf("durable ingest reaches %.0f%% of the no-op endpoint's throughput%n",
					100.0 * ingest.perSecond() / noop.perSecond());
		}
		finally {
			context.close();
		}
	}

	private static Result run(HttpClient client, String path, int events, int concurrency) {
		Histogram latencies = new ConcurrentHistogram(3);
		AtomicLong ok = new AtomicLong();
		AtomicLong busy = new AtomicLong();
		// bodies and signatures are prepared up front: the load generator shares the
		// cores
		byte[][] bodies = new byte[events][];
		String[] signatures = new String[events];
		for (int i = 0; i < events; i++) {
			bodies[i] = event(UUID.randomUUID().toString());
			signatures[i] = GustoWebhookSignature.sign(bodies[i], TOKEN);
		}
		long started = System.nanoTime();
		Flux.range(0, events).flatMap((i) -> {
			byte[] body = bodies[i];
			String signature = signatures[i];
			return Mono.defer(() -> {
				long sent = System.nanoTime();
				return client
					.headers((headers) -> headers.set("Content-Type", "application/json")
						.set("X-Gusto-Signature", signature))
					.post()
					.uri(path)
					.send(Mono.just(Unpooled.wrappedBuffer(body)))
					.responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
					.doOnNext((status) -> {
						latencies.recordValue((System.nanoTime() - sent) / 1_000);
						if (status == 200) {
							ok.incrementAndGet();
						}
						else if (status == 503) {
							busy.incrementAndGet();
						}
					});
			});
		}, concurrency).blockLast();
		double seconds = (System.nanoTime() - started) / 1e9;
		return new Result(events, seconds, ok.get(), busy.get(), latencies);
	}

	private static void print(String name, Result result) {
		Histogram h = result.latencies();
		System.out.printf("%-15s %7.0f events/s  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d in %.1f s)%n", name,
				result.perSecond(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
				h.getMaxValue() / 1000.0, result.events(), result.seconds());
	}

	static byte[] event(String uuid) {
		return ("{\"uuid\":\"" + uuid + "\",\"event_type\":\"payroll.processed\",\"resource_type\":\"Company\","
				+ "\"resource_uuid\":\"" + COMPANY + "\",\"entity_type\":\"Payroll\",\"entity_uuid\":\""
				+ UUID.randomUUID() + "\",\"timestamp\":1671058841}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private record Result(int events, double seconds, long acknowledged, long busy, Histogram latencies) {

		double perSecond() {
			return this.events / this.seconds;
		}

	}

	/**
	 * The comparison: reads the body like the webhook endpoint, stores nothing.
	 */
	@Configuration(proxyBeanMethods = false)
	static class NoOpEndpoint {

		@Bean
		RouterFunction<ServerResponse> noOpRoute() {
			return RouterFunctions.route()
				.POST("/bench/noop",
						(request) -> request.bodyToMono(byte[].class)
							.flatMap((body) -> ServerResponse.ok().bodyValue(Map.of("status", "stored"))))
				.build();
		}

	}

}
