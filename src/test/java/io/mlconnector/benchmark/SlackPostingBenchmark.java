package io.mlconnector.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlconnector.MlConnectorApplication;
import io.mlconnector.slack.PostedMessage;
import io.mlconnector.slack.SlackClients;
import io.mlconnector.slack.SlackMessage;
import io.mlconnector.testsupport.LoopbackPorts;
import reactor.core.publisher.Flux;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Posts a burst of messages to one channel of the in-process Slack sandbox over loopback
 * with the Slack client (the same code path as production) at Slack's documented pace,
 * one message per second per channel, with the sandbox enforcing that pace (burst 3, then
 * 429 with {@code Retry-After}). Prints the wall time next to the per-channel floor
 * ({@code (messages - burst) / pace}, the client's bucket holding a burst of one), the
 * 429s the sandbox answered, whether the messages arrived in the order sent, and the
 * permit waits. Run with:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.mlconnector.benchmark.SlackPostingBenchmark [-Dexec.args="200 1"]
 * </pre>
 *
 * Arguments: messages (default 200) and concurrent senders (default 1; with more, the
 * order across senders is not defined, only the pace). Database as for the tests.
 */
public final class SlackPostingBenchmark {

	private static final String CHANNEL = "CALERTS001";

	private SlackPostingBenchmark() {
	}

	public static void main(String[] args) {
		int messages = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		int senders = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		int port = LoopbackPorts.free();
		System.setProperty("mlc.devdb.mode", "test");
		// Slack's documented pace on both sides: the defaults of mlc.slack.* and
		// mlc.sandbox.slack.* (one message per second per channel)
		Map.of("server.port", String.valueOf(port), "logging.level.root", "WARN", "mlc.inbox.dispatcher.enabled",
				"false")
			.forEach(System::setProperty);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MlConnectorApplication.class)
			.web(WebApplicationType.REACTIVE)
			.profiles("sandbox")
			.run();
		try {
			WebClient admin = WebClient.builder().baseUrl("http://localhost:" + port + "/sandbox/slack/_admin").build();
			admin.post().uri("/reset").retrieve().toBodilessEntity().block();
			SlackClients clients = context.getBean(SlackClients.class);
			// the token is stored and auth.test warms the client; not part of the burst
			clients.forTenant("demo").authTest().block();
			System.out.printf(
					"ml-connector Slack posting benchmark: %d messages to one channel, %d sender(s), "
							+ "pace 1 message/s per channel, %d cores%n",
					messages, senders, Runtime.getRuntime().availableProcessors());
			long started = System.nanoTime();
			List<PostedMessage> posted = Flux.range(1, messages)
				.flatMapSequential(
						(n) -> clients.forTenant("demo").post(SlackMessage.text(CHANNEL, "benchmark message " + n)),
						senders)
				.collectList()
				.block(Duration.ofMinutes(30));
			Duration wall = Duration.ofNanos(System.nanoTime() - started);
			Map<String, Object> stats = admin.get()
				.uri("/stats")
				.retrieve()
				.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.block();
			Map<String, Object> stored = admin.get()
				.uri("/messages?channel=" + CHANNEL)
				.retrieve()
				.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.block();
			@SuppressWarnings("unchecked")
			List<String> texts = ((List<Map<String, Object>>) stored.get("messages")).stream()
				.map((m) -> (String) m.get("text"))
				.toList();
			boolean inOrder = texts.equals(java.util.stream.IntStream.rangeClosed(1, messages)
				.mapToObj((n) -> "benchmark message " + n)
				.toList());
			Timer waits = context.getBean(MeterRegistry.class)
				.find("mlc.outbound.budget.wait")
				.tag("budget", "slack:demo:chat.postMessage:" + CHANNEL)
				.timer();
			System.out.printf("%-28s %d%n", "messages posted", posted.size());
			System.out.printf("%-28s %d%n", "messages stored", texts.size());
			System.out.printf("%-28s %.1f s%n", "wall time", wall.toMillis() / 1000.0);
			System.out.printf("%-28s %.1f s%n", "per-channel floor", (messages - 1) * 1.0);
			System.out.printf("%-28s %s%n", "429s from the sandbox", stats.get("rateLimitedTotal"));
			System.out.printf("%-28s %s%n", "stored in the order sent", (senders == 1) ? inOrder : "n/a (concurrent)");
			if (waits != null) {
				System.out.printf("%-28s %d, total %.1f s, max %.2f s%n", "permit waits", waits.count(),
						waits.totalTime(java.util.concurrent.TimeUnit.SECONDS),
						waits.max(java.util.concurrent.TimeUnit.SECONDS));
			}
		}
		finally {
			context.close();
		}
	}

}
