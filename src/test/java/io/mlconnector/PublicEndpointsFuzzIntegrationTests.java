package io.mlconnector;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.gusto.GustoWebhookSignature;
import io.mlconnector.secrets.Secret;
import io.mlconnector.slack.SlackRequestSignature;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every public endpoint ({@code /webhooks/gusto}, {@code /slack/*},
 * {@code /connect/gusto*}) of the running service over loopback with generated requests:
 * random and mutated bodies, methods, content types, headers, sizes and signatures (valid
 * ones too, over mutated bodies). Asserts that no answer is a 5xx, that the rejected
 * requests stored nothing (the inbox grows by at most the requests answered 2xx; no OAuth
 * state, handshake or verification token appears; the rejection audit stays sampled), and
 * that the service is healthy and stores a valid event afterwards.
 * <p>
 * {@code -Dmlc.fuzz.requests=100000} runs more than the default 10,000;
 * {@code -Dmlc.fuzz.seed=...} repeats a run (the seed is printed).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mlc.inbox.dispatcher.enabled=false", "mlc.http.read-timeout=5s" })
@ActiveProfiles("acme")
class PublicEndpointsFuzzIntegrationTests {

	static final Secret GUSTO_TOKEN = new Secret("acme-gusto-verification-token");

	static final Secret SLACK_SECRET = new Secret("acme-slack-signing-secret");

	static final String COMPANY = "5df911a0-e8e9-412d-8aaf-a46ad193dd96";

	static final String[] PATHS = { "/webhooks/gusto", "/slack/commands", "/slack/interactions", "/slack/events",
			"/connect/gusto", "/connect/gusto/callback" };

	static final String[] CONTENT_TYPES = { "application/json", "application/x-www-form-urlencoded", "text/plain",
			"application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/xml", "a/b;;;=", "*/*",
			"application/json; charset=unknown-charset", "" };

	static final HttpMethod[] METHODS = { HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH,
			HttpMethod.HEAD, HttpMethod.OPTIONS };

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void generatedRequestsToEveryPublicEndpointNeverGet5xxStoreNothingWhenRefusedAndLeaveTheServiceHealthy() {
		int requests = Integer.getInteger("mlc.fuzz.requests", 10_000);
		long seed = Long.getLong("mlc.fuzz.seed", System.nanoTime());
		System.out.printf("Fuzzing the public endpoints with %d requests, seed %d (-Dmlc.fuzz.seed=%d repeats it)%n",
				requests, seed, seed);
		Map<String, Long> before = counts();
		long started = System.nanoTime();
		HttpClient client = HttpClient
			.create(ConnectionProvider.builder("fuzz").maxConnections(16).pendingAcquireMaxCount(-1).build())
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30));
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicLong accepted = new AtomicLong();

		Flux.range(0, requests).flatMap((i) -> {
			FuzzRequest request = new Generator(new Random(seed + i)).next();
			return send(client, request).doOnNext((status) -> {
				statuses.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
				if (status >= 200 && status < 300) {
					accepted.incrementAndGet();
				}
				if (status >= 500) {
					serverErrors.add(status + " for request " + i + " (seed " + seed + "): " + request.describe());
				}
			});
		}, 16).blockLast(Duration.ofMinutes(30));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("Fuzzing answered %s in %.1f s%n", new java.util.TreeMap<>(statuses),
				took.toMillis() / 1000.0);

		// no 5xx
		assertThat(serverErrors).as("answers with a 5xx").isEmpty();
		assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(requests);
		// nothing stored for a refused request
		Map<String, Long> after = counts();
		assertThat(after.get("inbox_event") - before.get("inbox_event")).isLessThanOrEqualTo(accepted.get());
		assertThat(after.get("oauth_state")).isEqualTo(before.get("oauth_state"));
		assertThat(after.get("gusto_webhook_token")).isEqualTo(before.get("gusto_webhook_token"));
		assertThat(after.get("gusto_webhook_handshake")).isEqualTo(before.get("gusto_webhook_handshake"));
		long minutes = took.toMinutes() + 1;
		assertThat(after.get("rejection_audits") - before.get("rejection_audits"))
			.as("rejection audits stay sampled (10 per minute)")
			.isLessThanOrEqualTo(10 * (minutes + 1));
		// the service is healthy and still stores a valid event
		String health = client
			.headers((headers) -> headers.set("Authorization",
					"Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.get()
			.uri("/actuator/health")
			.responseSingle((response, body) -> body.asString().map((text) -> response.status().code() + " " + text))
			.block(Duration.ofSeconds(30));
		assertThat(health).startsWith("200 ");
		tools.jackson.databind.JsonNode components = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(health.substring(4))
			.path("components");
		for (String component : List.of("db", "liquibase", "livenessState", "readinessState")) {
			assertThat(components.path(component).path("status").asString()).as(component).isEqualTo("UP");
		}
		String uuid = UUID.randomUUID().toString();
		byte[] event = Generator.gustoEvent(uuid, "payroll.processed", COMPANY).getBytes(StandardCharsets.UTF_8);
		int stored = send(client,
				new FuzzRequest(HttpMethod.POST, "/webhooks/gusto", "application/json",
						Map.of("X-Gusto-Signature", GustoWebhookSignature.sign(event, GUSTO_TOKEN)), event))
			.block(Duration.ofSeconds(30));
		assertThat(stored).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE event_uuid = ?")
			.param(uuid)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new java.util.HashMap<>();
		for (String table : List.of("inbox_event", "oauth_state", "gusto_webhook_token", "gusto_webhook_handshake")) {
			counts.put(table, this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		counts.put("rejection_audits",
				this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'webhook.rejected'")
					.query(Long.class)
					.single());
		return counts;
	}

	private static Mono<Integer> send(HttpClient client, FuzzRequest request) {
		return client.headers((headers) -> {
			if (!request.contentType().isEmpty()) {
				headers.set("Content-Type", request.contentType());
			}
			request.headers().forEach(headers::set);
		})
			.request(request.method())
			.uri(request.uri())
			.send((outbound, out) -> out.send(Mono.just(Unpooled.wrappedBuffer(request.body()))))
			.responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
			// a connection the server closes (a body it refused mid-way) is no 5xx
			.onErrorResume(java.io.IOException.class, (ex) -> Mono.just(499))
			.onErrorResume(reactor.netty.http.client.PrematureCloseException.class, (ex) -> Mono.just(499));
	}

	record FuzzRequest(HttpMethod method, String uri, String contentType, Map<String, String> headers, byte[] body) {

		String describe() {
			String text = new String(this.body, 0, Math.min(this.body.length, 300), StandardCharsets.ISO_8859_1);
			return this.method + " " + this.uri + " [" + this.contentType + "] " + this.headers + " body("
					+ this.body.length + "): " + text;
		}

	}

	/**
	 * One generated request, from a seeded {@link Random}.
	 */
	static final class Generator {

		private final Random random;

		Generator(Random random) {
			this.random = random;
		}

		FuzzRequest next() {
			String path = (this.random.nextInt(20) == 0) ? "/" + randomText(12) : pick(PATHS);
			boolean connect = path.startsWith("/connect");
			HttpMethod method = (this.random.nextInt(8) == 0) ? pick(METHODS)
					: connect ? HttpMethod.GET : HttpMethod.POST;
			String uri = path + (connect ? query(path) : (this.random.nextInt(10) == 0) ? "?" + randomText(20) : "");
			String contentType = contentType(path);
			byte[] body = body(path);
			Map<String, String> headers = new java.util.LinkedHashMap<>();
			if (path.startsWith("/webhooks")) {
				gustoSignature(body, headers);
			}
			else if (path.startsWith("/slack")) {
				slackSignature(body, headers);
			}
			else if (this.random.nextInt(4) == 0) {
				// wrong or malformed credentials on the connect flow
				headers.put("Authorization", pick(new String[] { "Bearer " + randomText(40), "Basic Zm9vOmJhcg==",
						"Bearer", "bearer " + DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN }));
			}
			for (int i = this.random.nextInt(3); i > 0; i--) {
				headers.put("X-Fuzz-" + i, randomHeaderValue());
			}
			return new FuzzRequest(method, uri, contentType, headers, body);
		}

		private String contentType(String path) {
			if (this.random.nextInt(5) != 0) {
				return path.equals("/slack/commands") || path.equals("/slack/interactions")
						? "application/x-www-form-urlencoded" : "application/json";
			}
			return pick(CONTENT_TYPES);
		}

		private String query(String path) {
			StringBuilder query = new StringBuilder("?");
			String[] names = path.endsWith("callback") ? new String[] { "state", "code", "error", "scope" }
					: new String[] { "tenant", "expires", "signature" };
			for (String name : names) {
				if (this.random.nextInt(4) != 0) {
					query.append(name).append('=').append(queryValue(name)).append('&');
				}
			}
			if (this.random.nextInt(10) == 0) {
				query.append("%zz=%").append("&x=").append("y".repeat(this.random.nextInt(3000)));
			}
			return query.toString();
		}

		private String queryValue(String name) {
			return switch (this.random.nextInt(6)) {
				case 0 -> "acme";
				case 1 -> "nobody";
				case 2 -> String.valueOf(this.random.nextLong());
				case 3 -> "%" + HexFormat.of().toHexDigits((byte) this.random.nextInt());
				case 4 -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
				default -> encode(randomText(this.random.nextInt(60)));
			};
		}

		private byte[] body(String path) {
			String base = switch (path) {
				case "/webhooks/gusto" ->
					(this.random.nextInt(6) == 0) ? "{\"verification_token\":\"" + randomText(36) + "\"}"
							: gustoEvent(UUID.randomUUID().toString(),
									pick(new String[] { "payroll.processed", "employee.updated", "payroll.reversed",
											randomText(10) }),
									(this.random.nextBoolean()) ? COMPANY : UUID.randomUUID().toString());
				case "/slack/commands" -> "team_id=" + pick(new String[] { "T0ACME001", "T" + randomText(8) })
						+ "&command=%2Fapprove-invoice&text=" + encode(randomText(10)) + "&trigger_id="
						+ UUID.randomUUID();
				case "/slack/interactions" -> "payload=" + encode("{\"type\":\"block_actions\",\"trigger_id\":\""
						+ UUID.randomUUID() + "\",\"team\":{\"id\":\"T0ACME001\"}}");
				case "/slack/events" -> "{\"type\":\"event_callback\",\"event_id\":\"Ev" + randomText(10)
						+ "\",\"team_id\":\"T0ACME001\",\"event\":{\"type\":\"message\"}}";
				default -> "";
			};
			byte[] body = base.getBytes(StandardCharsets.UTF_8);
			return switch (this.random.nextInt(12)) {
				case 0, 1, 2, 3 -> body;
				case 4, 5 -> flip(body);
				case 6 -> truncate(body);
				case 7 -> bytes(this.random.nextInt(2048));
				case 8 -> new byte[0];
				case 9 -> nested(1 + this.random.nextInt(3000));
				case 10 -> large();
				default -> insert(body);
			};
		}

		private void gustoSignature(byte[] body, Map<String, String> headers) {
			String name = this.random.nextInt(5) == 0 ? "x_gusto_signature" : "X-Gusto-Signature";
			switch (this.random.nextInt(7)) {
				case 0 -> {
					// none
				}
				case 1 -> headers.put(name, HexFormat.of().formatHex(bytes(32)));
				case 2 -> headers.put(name, GustoWebhookSignature.sign(body, GUSTO_TOKEN).toUpperCase());
				case 3 -> headers.put(name, Base64.getEncoder().encodeToString(bytes(32)));
				case 4 -> headers.put(name, randomHeaderValue());
				default -> headers.put(name, GustoWebhookSignature.sign(body, GUSTO_TOKEN));
			}
		}

		private void slackSignature(byte[] body, Map<String, String> headers) {
			long now = Instant.now().getEpochSecond();
			String timestamp = switch (this.random.nextInt(8)) {
				case 0 -> String.valueOf(now - 301 - this.random.nextInt(100_000));
				case 1 -> String.valueOf(Long.MAX_VALUE - this.random.nextInt(10));
				case 2 -> String.valueOf(Long.MIN_VALUE);
				case 3 -> randomText(8);
				case 4 -> "99999999999999999999999";
				default -> String.valueOf(now);
			};
			if (this.random.nextInt(8) != 0) {
				headers.put(SlackRequestSignature.TIMESTAMP_HEADER, timestamp);
			}
			switch (this.random.nextInt(5)) {
				case 0 -> {
					// none
				}
				case 1 ->
					headers.put(SlackRequestSignature.SIGNATURE_HEADER, "v0=" + HexFormat.of().formatHex(bytes(32)));
				case 2 -> headers.put(SlackRequestSignature.SIGNATURE_HEADER, randomHeaderValue());
				default -> headers.put(SlackRequestSignature.SIGNATURE_HEADER,
						SlackRequestSignature.sign(timestamp, body, SLACK_SECRET));
			}
			if (this.random.nextInt(10) == 0) {
				headers.put("X-Slack-Retry-Num", randomText(3));
			}
		}

		static String gustoEvent(String uuid, String type, String company) {
			return "{\"uuid\":\"" + uuid + "\",\"event_type\":\"" + type + "\",\"resource_type\":\"Company\","
					+ "\"resource_uuid\":\"" + company + "\",\"entity_type\":\"Payroll\",\"entity_uuid\":\""
					+ UUID.randomUUID() + "\",\"timestamp\":1767644464}";
		}

		private byte[] flip(byte[] body) {
			byte[] copy = body.clone();
			for (int i = 0; i < 1 + this.random.nextInt(4) && copy.length > 0; i++) {
				copy[this.random.nextInt(copy.length)] = (byte) this.random.nextInt(256);
			}
			return copy;
		}

		private byte[] truncate(byte[] body) {
			return java.util.Arrays.copyOf(body, (body.length == 0) ? 0 : this.random.nextInt(body.length));
		}

		private byte[] insert(byte[] body) {
			String text = new String(body, StandardCharsets.UTF_8);
			int at = (text.isEmpty()) ? 0 : this.random.nextInt(text.length());
			String inserted = pick(new String[] { "\"", "\\u0000", "}", "{\"a\":", "null", "1e999999", "-0", "\uD800",
					",\"uuid\":null", ",\"timestamp\":\"x\"", "%", "&=&", "\u00e9\u4e2d" });
			return (text.substring(0, at) + inserted + text.substring(at)).getBytes(StandardCharsets.UTF_8);
		}

		private static byte[] nested(int depth) {
			return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
		}

		private byte[] large() {
			// around the 1 MiB limit: some just under, some over
			int size = (1 << 20) - 4096 + this.random.nextInt(8192);
			byte[] body = new byte[size];
			java.util.Arrays.fill(body, (byte) 'a');
			body[0] = '"';
			body[size - 1] = '"';
			return body;
		}

		private byte[] bytes(int n) {
			byte[] bytes = new byte[n];
			this.random.nextBytes(bytes);
			return bytes;
		}

		private String randomText(int length) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < length; i++) {
				text.append((char) (0x21 + this.random.nextInt(0x5e)));
			}
			return text.toString();
		}

		private String randomHeaderValue() {
			return randomText(1 + this.random.nextInt(80));
		}

		private static String encode(String text) {
			return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
		}

		private <T> T pick(T[] values) {
			return values[this.random.nextInt(values.length)];
		}

	}

}
