package io.mlconnector.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlconnector.MlConnectorApplication;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.testsupport.LoopbackPorts;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A 10,000-employee payroll end to end, from Gusto's {@code payroll.processed} webhook to
 * the posted IFS vouchers, at the documented rate limits (Gusto 200 requests per rolling
 * minute per grant, IFS 1000 per minute, on both sides). It starts the service in-process
 * (profile {@code sandbox}, database as in the tests), connects the demo tenant through
 * the OAuth flow, subscribes to webhooks with the handshake, generates a company of that
 * size (seed 42: three work locations, three IFS company codes), waits a minute so the
 * Gusto budget is full, processes a payroll and waits for the posting. It prints the wall
 * time from processing to POSTED and where it went (webhook to inbox, inbox to job, the
 * plan and write steps), the Gusto and IFS requests made with the floor each rate limit
 * sets, 429s seen, and the peak heap. Run with:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.mlconnector.benchmark.PayrollPostingBenchmark [-Dexec.args="10000"]
 * </pre>
 *
 * Argument: employees (default 10000). Uses the MariaDB server at 127.0.0.1:3306 if it
 * answers (a throw-away database), otherwise an embedded one.
 */
public final class PayrollPostingBenchmark {

	static final String TENANT = "demo";

	static final String COMPANY = "7c1a5e32-4a5b-4a3c-9a0e-6f1d2c3b4a51";

	static final int GUSTO_LIMIT = 200;

	static final int IFS_LIMIT = 1000;

	private PayrollPostingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int employees = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int port = LoopbackPorts.free();
		String base = "http://localhost:" + port;
		System.setProperty("mlc.devdb.mode", "test");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MlConnectorApplication.class)
			.web(WebApplicationType.REACTIVE)
			.profiles("sandbox")
			.properties(Map.of("PORT", String.valueOf(port), "logging.level.root", "WARN",
					"mlc.sandbox.ifs.requests-per-minute", String.valueOf(IFS_LIMIT), "mlc.sandbox.gusto.rate-limit",
					String.valueOf(GUSTO_LIMIT), "mlc.inbox.catch-up.initial-delay", "1h"))
			.run();
		WebClient http = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		try {
			JsonNode company = post(http, base + "/sandbox/gusto/_admin/companies",
					Map.of("company_uuid", COMPANY, "employees", employees, "seed", 42));
			connect(http, base);
			subscribe(http, base);
			System.out.printf(
					"ml-connector payroll posting benchmark: %d employees (%d generated), Gusto %d requests / 60 s, "
							+ "IFS %d requests / 60 s, %d cores, max heap %d MiB%n",
					employees, company.path("employees").asInt(), GUSTO_LIMIT, IFS_LIMIT,
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
			// connect and subscribe used a few requests of the grant's budget: let a full
			// window pass so the measurement starts from a full budget
			Thread.sleep(Duration.ofSeconds(61).toMillis());
			JsonNode gustoBefore = get(http, base + "/sandbox/gusto/_admin/stats");
			JsonNode ifsBefore = get(http, base + "/sandbox/ifs/_admin/stats");
			System.gc();
			long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Map<String, double[]> waitsBefore = new java.util.HashMap<>();
			for (Timer timer : registry.find("mlc.outbound.budget.wait").timers()) {
				waitsBefore.put(timer.getId().getTag("budget"),
						new double[] { timer.count(), timer.totalTime(TimeUnit.SECONDS) });
			}
			Instant started = Instant.now();
			long startedNanos = System.nanoTime();
			JsonNode processed = post(http, base + "/sandbox/gusto/_admin/payrolls/process",
					Map.of("company_uuid", COMPANY));
			String payroll = processed.path("payroll_uuid").asString();
			String status = awaitPosting(jdbc, payroll, Duration.ofMinutes(30));
			double seconds = (System.nanoTime() - startedNanos) / 1e9;
			long peakHeap = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.mapToLong((pool) -> pool.getPeakUsage().getUsed())
				.sum();
			JsonNode gustoAfter = get(http, base + "/sandbox/gusto/_admin/stats");
			JsonNode ifsAfter = get(http, base + "/sandbox/ifs/_admin/stats");
			long gustoRequests = gustoAfter.path("requests").asLong() - gustoBefore.path("requests").asLong();
			long gusto429 = gustoAfter.path("rate_limited").asLong() - gustoBefore.path("rate_limited").asLong();
			long ifsRequests = ifsAfter.path("requests").asLong() - ifsBefore.path("requests").asLong();
			long webhooks = gustoAfter.path("webhook_deliveries").asLong()
					- gustoBefore.path("webhook_deliveries").asLong();

			Map<String, Object> posting = jdbc
				.sql("SELECT status, employee_count, total_debit, total_credit, job_execution_id, last_error "
						+ "FROM payroll_posting WHERE tenant = ? AND payroll_uuid = ? AND kind = 'ACCRUAL' "
						+ "AND dry_run = FALSE")
				.params(TENANT, payroll)
				.query()
				.singleRow();
			System.out.printf("payroll %s: %d employees paid, posting %s, %s vouchers, debit %s, credit %s%n", payroll,
					processed.path("employees").asInt(), status, vouchers(jdbc, payroll), posting.get("total_debit"),
					posting.get("total_credit"));
			if (!"POSTED".equals(status)) {
				System.out.println("last error: " + posting.get("last_error"));
			}
			System.out.println();
			System.out.println("where the time went (from POST /_admin/payrolls/process):");
			Instant received = jdbc
				.sql("SELECT MIN(received_at) FROM inbox_event WHERE event_type = 'payroll.processed' "
						+ "AND entity_id = ?")
				.param(payroll)
				.query(Timestamp.class)
				.optional()
				.map(Timestamp::toInstant)
				.orElse(null);
			Map<String, Object> job = jdbc
				.sql("SELECT CREATE_TIME, START_TIME, END_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
				.param(((Number) posting.get("job_execution_id")).longValue())
				.query()
				.singleRow();
			phase("webhook delivered, in the inbox", started, received);
			phase("job created by the dispatcher", started, instant(job.get("CREATE_TIME")));
			phase("job started", started, instant(job.get("START_TIME")));
			for (Map<String, Object> step : jdbc
				.sql("SELECT STEP_NAME, START_TIME, END_TIME, WRITE_COUNT FROM BATCH_STEP_EXECUTION "
						+ "WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID")
				.param(((Number) posting.get("job_execution_id")).longValue())
				.query()
				.listOfRows()) {
				Instant stepStart = instant(step.get("START_TIME"));
				Instant stepEnd = instant(step.get("END_TIME"));
				System.out.printf("  %-34s %8.1f s  (took %.1f s, %s written)%n", step.get("STEP_NAME") + " ended",
						seconds(started, stepEnd), seconds(stepStart, stepEnd), step.get("WRITE_COUNT"));
			}
			phase("job ended", started, instant(job.get("END_TIME")));
			System.out.println();
			double gustoFloor = gustoRequests / (double) GUSTO_LIMIT * 60.0;
			double gustoFloorFullBudget = Math.max(0, gustoRequests - GUSTO_LIMIT) / (double) GUSTO_LIMIT * 60.0;
			double ifsFloor = ifsRequests / (double) IFS_LIMIT * 60.0;
			System.out.printf("%-34s %10s %12s %28s %8s%n", "", "requests", "429 answers",
					"rate-limit floor (req/limit)", "from full");
			System.out.printf("%-34s %10d %12d %26.1f s %6.1f s%n", "Gusto (200 / min per grant)", gustoRequests,
					gusto429, gustoFloor, gustoFloorFullBudget);
			System.out.printf("%-34s %10d %12s %26.1f s %6s%n", "IFS (1000 / min)", ifsRequests, "-", ifsFloor, "");
			System.out.printf("%-34s %10d%n", "webhook deliveries", webhooks);
			System.out.println();
			// the client's own pacing (outbound.JdbcRequestBudget): a burst of n/20, then
			// n - n/20 - n/25 per window, so that it never causes a 429
			long burst = GUSTO_LIMIT / 20;
			long refill = GUSTO_LIMIT - burst - GUSTO_LIMIT / 25;
			System.out.printf("Gusto client pacing floor (burst %d, then %d / min): %.1f s%n", burst, refill,
					Math.max(0, gustoRequests - burst) / (double) refill * 60.0);
			for (Timer timer : registry.find("mlc.outbound.budget.wait").timers()) {
				double[] before = waitsBefore.getOrDefault(timer.getId().getTag("budget"), new double[2]);
				System.out.printf("budget %-20s permits %5d, waited %7.1f s in all (concurrent waits overlap)%n",
						timer.getId().getTag("budget"), timer.count() - (long) before[0],
						timer.totalTime(TimeUnit.SECONDS) - before[1]);
			}
			System.out.printf("wall time processing → POSTED: %.1f s; peak heap %d MiB (before: %d MiB, max %d MiB)%n",
					seconds, peakHeap / (1024 * 1024), heapBefore / (1024 * 1024),
					Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
		finally {
			context.close();
		}
	}

	private static String awaitPosting(JdbcClient jdbc, String payroll, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String status = jdbc
				.sql("SELECT status FROM payroll_posting WHERE tenant = ? AND payroll_uuid = ? AND kind = 'ACCRUAL' "
						+ "AND dry_run = FALSE")
				.params(TENANT, payroll)
				.query(String.class)
				.optional()
				.orElse(null);
			if (status != null && Set.of("POSTED", "FAILED", "NOTHING_TO_POST").contains(status)) {
				return status;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("payroll " + payroll + " was not posted within " + timeout);
	}

	private static long vouchers(JdbcClient jdbc, String payroll) {
		return jdbc
			.sql("SELECT COUNT(*) FROM payroll_voucher WHERE tenant = ? AND payroll_uuid = ? AND kind = 'ACCRUAL'")
			.params(TENANT, payroll)
			.query(Long.class)
			.single();
	}

	private static void phase(String what, Instant started, Instant at) {
		System.out.printf("  %-34s %8.1f s%n", what, seconds(started, at));
	}

	private static double seconds(Instant from, Instant to) {
		return (to == null || from == null) ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.LocalDateTime local) {
			// BATCH_* times are written in the JVM's zone
			return local.atZone(java.time.ZoneId.systemDefault()).toInstant();
		}
		return null;
	}

	private static void connect(WebClient http, String base) {
		URI authorize = http.get()
			.uri(URI.create(base + "/connect/gusto?tenant=" + TENANT))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.exchangeToMono((r) -> Mono.justOrEmpty(r.headers().asHttpHeaders().getLocation()))
			.block(Duration.ofSeconds(30));
		URI callback = redirect(http, authorize.toString());
		String answer = http.get().uri(callback).retrieve().bodyToMono(String.class).block();
		if (answer == null || !answer.contains("connected")) {
			throw new IllegalStateException("connecting the demo tenant failed: " + answer);
		}
	}

	private static void subscribe(WebClient http, String base) throws InterruptedException {
		http.put()
			.uri(base + "/api/v1/gusto/webhook-subscription")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.bodyValue(Map.of("tenant", TENANT, "url", base + "/webhooks/gusto"))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(30));
		// the handshake: the sandbox POSTs the verification token, the service verifies
		// it
		String system = post(http, base + "/sandbox/gusto/oauth/token", Map.of("client_id", "sandbox-gusto-client",
				"client_secret", "sandbox-gusto-secret", "grant_type", "system_access"))
			.path("access_token")
			.asString();
		for (int i = 0; i < 300; i++) {
			JsonNode subscriptions = http.get()
				.uri(base + "/sandbox/gusto/v1/webhook_subscriptions")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + system)
				.retrieve()
				.bodyToMono(JsonNode.class)
				.block(Duration.ofSeconds(30));
			for (JsonNode subscription : subscriptions) {
				if ((base + "/webhooks/gusto").equals(subscription.path("url").asString())
						&& "verified".equals(subscription.path("status").asString())) {
					return;
				}
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the webhook subscription was not verified within 30 s");
	}

	private static URI redirect(WebClient http, String url) {
		return http.get()
			.uri(URI.create(url))
			.exchangeToMono((r) -> Mono.justOrEmpty(r.headers().asHttpHeaders().getLocation()))
			.block(Duration.ofSeconds(30));
	}

	private static JsonNode post(WebClient http, String url, Object body) {
		return http.post().uri(url).bodyValue(body).retrieve().bodyToMono(JsonNode.class).block(Duration.ofMinutes(2));
	}

	private static JsonNode get(WebClient http, String url) {
		return http.get().uri(url).retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(30));
	}

}
