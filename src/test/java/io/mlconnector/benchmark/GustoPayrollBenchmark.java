package io.mlconnector.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mlconnector.MlConnectorApplication;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.gusto.GustoEmployee;
import io.mlconnector.gusto.GustoPayroll;
import io.mlconnector.testsupport.LoopbackPorts;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Fetches a processed 10,000-employee payroll with all includes plus the company's
 * employees from the in-process Gusto sandbox at Gusto's documented rate limit (200
 * requests per rolling minute per grant, on both sides), and prints the requests made,
 * the wall time, the floor the rate limit sets (requests / 200 per minute) and the 429s
 * seen. Run with:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.mlconnector.benchmark.GustoPayrollBenchmark [-Dexec.args="10000"]
 * </pre>
 *
 * Argument: employees (default 10000). Uses the MariaDB server at 127.0.0.1:3306 if it
 * answers (a throw-away database), otherwise an embedded one.
 */
public final class GustoPayrollBenchmark {

	static final String COMPANY = "7c1a5e32-4a5b-4a3c-9a0e-6f1d2c3b4a51";

	private GustoPayrollBenchmark() {
	}

	public static void main(String[] args) {
		int employees = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int port = LoopbackPorts.free();
		String base = "http://localhost:" + port;
		System.setProperty("mlc.devdb.mode", "test");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MlConnectorApplication.class)
			.web(WebApplicationType.REACTIVE)
			.profiles("sandbox")
			.properties(Map.of("PORT", String.valueOf(port), "logging.level.root", "WARN",
					"mlc.inbox.dispatcher.enabled", "false"))
			.run();
		WebClient http = WebClient.builder().build();
		try {
			admin(http, base, "/_admin/companies", Map.of("company_uuid", COMPANY, "employees", employees));
			String payrollUuid = admin(http, base, "/_admin/payrolls/process", Map.of()).path("payroll_uuid")
				.asString();
			connect(http, base);
			GustoClient client = context.getBean(GustoClient.class);
			// the grant's budget has been used by the connect flow's token_info only; let
			// a
			// full window pass so the measurement starts from a full budget
			sleep(Duration.ofSeconds(61));
			http.delete().uri(base + "/sandbox/gusto/_admin/stats").retrieve().toBodilessEntity().block();
			System.out.printf("ml-connector Gusto fetch benchmark: %d employees, limit 200 requests / 60 s, %d cores%n",
					employees, Runtime.getRuntime().availableProcessors());
			long started = System.nanoTime();
			var result = Mono.zip(client.payroll("demo", payrollUuid), client.employees("demo").collectList())
				.block(Duration.ofMinutes(10));
			double seconds = (System.nanoTime() - started) / 1e9;
			GustoPayroll payroll = result.getT1();
			List<GustoEmployee> people = result.getT2();
			JsonNode stats = http.get()
				.uri(base + "/sandbox/gusto/_admin/stats")
				.retrieve()
				.bodyToMono(JsonNode.class)
				.block();
			long requests = stats.path("requests").asLong();
			double floor = requests / 200.0 * 60.0;
			System.out.printf("payroll %s: %d employee compensations, gross %s; employees: %d%n", payrollUuid,
					payroll.employeeCompensations().size(), payroll.totals().grossPay(), people.size());
			System.out.printf(
					"requests: %d, wall time: %.1f s, rate-limit floor (requests / 200 per minute): %.1f s, "
							+ "429 answers: %d, wall time / floor: %.2f%n",
					requests, seconds, floor, stats.path("rate_limited").asLong(), seconds / floor);
		}
		finally {
			context.close();
		}
	}

	private static void connect(WebClient http, String base) {
		URI authorize = http.get()
			.uri(base + "/connect/gusto?tenant=demo")
			.header("Authorization", "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.exchangeToMono((r) -> Mono.justOrEmpty(r.headers().asHttpHeaders().getLocation()))
			.block();
		URI callback = http.get()
			.uri(authorize)
			.exchangeToMono((r) -> Mono.justOrEmpty(r.headers().asHttpHeaders().getLocation()))
			.block();
		String answer = http.get().uri(callback).retrieve().bodyToMono(String.class).block();
		if (answer == null || !answer.contains("connected")) {
			throw new IllegalStateException("connecting the demo tenant failed: " + answer);
		}
	}

	private static JsonNode admin(WebClient http, String base, String path, Object body) {
		return http.post()
			.uri(base + "/sandbox/gusto" + path)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofMinutes(1));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
