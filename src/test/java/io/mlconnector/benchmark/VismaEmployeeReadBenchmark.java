package io.mlconnector.benchmark;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.mlconnector.MlConnectorApplication;
import io.mlconnector.testsupport.LoopbackPorts;
import io.mlconnector.visma.VismaClient;
import io.mlconnector.visma.VismaClients;
import io.mlconnector.visma.VismaEmployee;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reads every employee of a 10,000-employee Visma company from the in-process Visma
 * sandbox over loopback with the connector (the same code path as production), at the
 * sandbox profile's limits (5,000 requests per hour per company and client on both sides,
 * {@code maxPageSize} 100), and prints the records, the requests made against the floor
 * (records / the page size the server really serves), token requests, 429s and the wall
 * time, for a first read (new token) and a second one. Run with:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.mlconnector.benchmark.VismaEmployeeReadBenchmark [-Dexec.args="10000 1000"]
 * </pre>
 *
 * Arguments: employees (default 10000) and the page size the client asks for (default
 * 100; the sandbox caps it at 100 silently). Database as for the tests.
 */
public final class VismaEmployeeReadBenchmark {

	private static final String COMPANY = "5b7c2a10-0d4e-4f7e-9a51-3c2b1a0f9e87";

	private VismaEmployeeReadBenchmark() {
	}

	public static void main(String[] args) {
		int employees = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int pageSize = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		int port = LoopbackPorts.free();
		System.setProperty("mlc.devdb.mode", "test");
		// system properties: they override the profile files
		Map.of("server.port", String.valueOf(port), "logging.level.root", "WARN", "mlc.inbox.dispatcher.enabled",
				"false", "mlc.sandbox.demo.enabled", "false", "mlc.tenants.demo.visma.page-size",
				String.valueOf(pageSize))
			.forEach(System::setProperty);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MlConnectorApplication.class)
			.web(WebApplicationType.REACTIVE)
			.profiles("sandbox")
			.run();
		try {
			WebClient admin = WebClient.builder()
				.baseUrl("http://localhost:" + port + "/sandbox/visma/_admin")
				.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
				.build();
			admin.post().uri("/reset").retrieve().toBodilessEntity().block();
			admin.post()
				.uri("/seed")
				.bodyValue(Map.of("tenantId", COMPANY, "employees", employees))
				.retrieve()
				.toBodilessEntity()
				.block();
			Map<?, ?> settings = admin.post()
				.uri("/settings")
				.bodyValue(Map.of())
				.retrieve()
				.bodyToMono(Map.class)
				.block();
			int maxPageSize = ((Number) settings.get("maxPageSize")).intValue();
			VismaClient client = context.getBean(VismaClients.class).forTenant("demo");
			System.out.printf(
					"ml-connector Visma employee read benchmark: %d employees, page size asked %d, server maxPageSize "
							+ "%d, limit %d requests per %s per company and client, %d cores%n",
					employees, pageSize, maxPageSize, ((Number) settings.get("requestsPerWindow")).intValue(),
					Duration.ofSeconds(((Number) settings.get("windowSeconds")).longValue()),
					Runtime.getRuntime().availableProcessors());
			long floor = (employees + Math.min(pageSize, maxPageSize) - 1) / Math.min(pageSize, maxPageSize);
			Result first = read(client, admin, "first read (new token)");
			Result second = read(client, admin, "second read");
			System.out.printf("%-24s %10s %10s %14s %8s %6s %12s%n", "", "records", "requests", "request floor",
					"tokens", "429s", "wall time");
			print(first, floor);
			print(second, floor);
			System.out.println("request floor = ceil(records / min(page size asked, maxPageSize)); requests = "
					+ "GET /v1/employee answered by the sandbox; tokens = Visma Connect token requests");
			if (first.records() != employees || first.distinct() != employees) {
				throw new IllegalStateException("read " + first.records() + " records (" + first.distinct()
						+ " distinct), expected " + employees);
			}
		}
		finally {
			context.close();
		}
	}

	private record Result(String name, long records, long distinct, long requests, long tokens, long limited,
			Duration wall) {

	}

	private static Result read(VismaClient client, WebClient admin, String name) {
		admin.delete().uri("/stats").retrieve().toBodilessEntity().block();
		Set<String> numbers = new HashSet<>();
		long started = System.nanoTime();
		Long records = client.employees().map(VismaEmployee::employeeNumber).doOnNext(numbers::add).count().block();
		Duration wall = Duration.ofNanos(System.nanoTime() - started);
		Map<?, ?> stats = admin.get().uri("/stats").retrieve().bodyToMono(Map.class).block();
		Map<?, ?> endpoints = (Map<?, ?>) stats.get("byEndpoint");
		Number pages = (Number) endpoints.get("GET /v1/employee");
		return new Result(name, records, numbers.size(), (pages != null) ? pages.longValue() : 0,
				((Number) stats.get("tokenRequests")).longValue(), ((Number) stats.get("rateLimited")).longValue(),
				wall);
	}

	private static void print(Result result, long floor) {
		System.out.printf("%-24s %10d %10d %14d %8d %6d %10.2f s%n", result.name(), result.records(), result.requests(),
				floor, result.tokens(), result.limited(), result.wall().toMillis() / 1000.0);
	}

}
