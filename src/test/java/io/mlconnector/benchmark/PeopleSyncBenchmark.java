package io.mlconnector.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import io.mlconnector.MlConnectorApplication;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.testsupport.LoopbackPorts;
import io.mlconnector.testsupport.SandboxHttp;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Syncs the people of a 10,000-employee Gusto company to IFS and Visma with
 * {@code peopleSweepJob} over loopback against the in-process sandboxes, first from
 * scratch (IFS and Visma hold nobody), then again with nothing changed, and prints per
 * system the requests made, reads and writes, the floor (the fewest requests that can do
 * it: pages of a list, one write per record to create) and the time those requests take
 * at the system's rate limit: Gusto 200 per rolling minute [DOC], IFS 1,000 per minute
 * (assumed; IFS publishes none), Visma 5,000 per hour (assumed; Visma publishes none).
 * Gusto is held to its limit on both sides; the IFS and Visma limits are lifted for the
 * run so that 10,000 creates finish in minutes, and the table says how long the same
 * requests take at their limits. The second run must write nothing. Run with:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.mlconnector.benchmark.PeopleSyncBenchmark [-Dexec.args="10000"]
 * </pre>
 *
 * Argument: employees (default 10000). Database as for the tests.
 */
public final class PeopleSyncBenchmark {

	private static final int GUSTO_PER_MINUTE = 200;

	private static final int IFS_PER_MINUTE = 1000;

	private static final int VISMA_PER_HOUR = 5000;

	private static final int GUSTO_PAGE = 100;

	private static final String VISMA_COMPANY = "5b7c2a10-0d4e-4f7e-9a51-3c2b1a0f9e87";

	private PeopleSyncBenchmark() {
	}

	public static void main(String[] args) {
		int employees = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int port = LoopbackPorts.free();
		System.setProperty("mlc.devdb.mode", "test");
		Map.of("server.port", String.valueOf(port), "logging.level.root", "WARN", "mlc.inbox.dispatcher.enabled",
				"false", "mlc.sandbox.demo.enabled", "false", "mlc.tenants.demo.ifs.requests-per-minute", "1000000",
				"mlc.sandbox.ifs.requests-per-minute", "1000000", "mlc.tenants.demo.visma.requests-per-hour",
				"10000000", "mlc.sandbox.visma.requests-per-window", "10000000")
			.forEach(System::setProperty);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MlConnectorApplication.class)
			.web(WebApplicationType.REACTIVE)
			.profiles("sandbox")
			.run();
		try {
			SandboxHttp sandbox = new SandboxHttp(port);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			// a fresh slate: the links and headcounts of earlier runs name other people
			jdbc.sql("DELETE FROM employee_link WHERE tenant = 'demo'").update();
			jdbc.sql("DELETE FROM people_headcount WHERE tenant = 'demo'").update();
			jdbc.sql("DELETE FROM oauth_token").update();
			sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/companies", Map.of("company_uuid",
					SandboxHttp.COMPANY, "employees", employees, "seed", 42, "location_seed", 42));
			sandbox.connectGusto();
			System.out.printf("ml-connector people sync benchmark: %d Gusto employees, peopleSweepJob, %d cores%n",
					employees, Runtime.getRuntime().availableProcessors());
			LocalDate day = LocalDate.now().plusYears(10);
			Run first = sweep(sandbox, jdbc, port, employees, day, "from scratch");
			Run second = sweep(sandbox, jdbc, port, employees, day.plusDays(1), "nothing changed");
			System.out.printf("%-16s %-6s %9s %7s %7s %7s %16s%n", "run", "system", "requests", "reads", "writes",
					"floor", "time at limit");
			for (Run run : new Run[] { first, second }) {
				print(run, "Gusto", run.gusto(), run.gusto(), 0, (run.gustoEmployees() + GUSTO_PAGE - 1) / GUSTO_PAGE,
						run.gusto() * 60.0 / GUSTO_PER_MINUTE);
				print(run, "IFS", run.ifsReads() + run.ifsWrites(), run.ifsReads(), run.ifsWrites(), run.ifsFloor(),
						(run.ifsReads() + run.ifsWrites()) * 60.0 / IFS_PER_MINUTE);
				print(run, "Visma", run.vismaReads() + run.vismaWrites(), run.vismaReads(), run.vismaWrites(),
						run.vismaFloor(), (run.vismaReads() + run.vismaWrites()) * 3600.0 / VISMA_PER_HOUR);
				System.out.printf("%-16s wall time %.1f s; %s%n", run.name(), run.seconds(), run.summary());
			}
			System.out.println("floor: Gusto ceil(employees / 100 a page); IFS and Visma: the pages of the list "
					+ "read before (IFS 1000 a page, Visma 100) plus one create per employed person they lacked; time at "
					+ "limit = requests / (Gusto 200 a minute, IFS 1000 a minute, Visma 5000 an hour)");
			if (second.ifsWrites() != 0 || second.vismaWrites() != 0) {
				throw new IllegalStateException(
						"the second sweep wrote: IFS " + second.ifsWrites() + ", Visma " + second.vismaWrites());
			}
		}
		finally {
			context.close();
		}
	}

	private static Run sweep(SandboxHttp sandbox, JdbcClient jdbc, int port, int employees, LocalDate day,
			String name) {
		WebClient http = sandbox.client();
		String base = "http://localhost:" + port;
		long gustoBefore = json(http, base + "/sandbox/gusto/_admin/stats").path("requests").asLong();
		JsonNode ifsBefore = json(http, base + "/sandbox/ifs/_admin/stats");
		long ifsRecordsBefore = ifsBefore.path("records").path("ResourceSet").asLong();
		http.delete().uri(base + "/sandbox/visma/_admin/stats").retrieve().toBodilessEntity().block();
		long vismaEmployeesBefore = vismaEmployees(http, base);
		long started = System.nanoTime();
		long execution = http.post()
			.uri(base + "/api/v1/jobs/peopleSweepJob/launch")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.bodyValue(Map.of("parameters", Map.of("tenant", "demo", "day", day.toString())))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30))
			.path("executionId")
			.asLong();
		Map<String, Object> row;
		do {
			sleep(Duration.ofMillis(500));
			row = jdbc.sql("SELECT STATUS, EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
				.param(execution)
				.query()
				.singleRow();
		}
		while ("STARTING".equals(row.get("STATUS")) || "STARTED".equals(row.get("STATUS")));
		double seconds = (System.nanoTime() - started) / 1e9;
		if (!"COMPLETED".equals(row.get("STATUS"))) {
			throw new IllegalStateException(
					name + ": the sweep ended " + row.get("STATUS") + ": " + row.get("EXIT_MESSAGE"));
		}
		long gusto = json(http, base + "/sandbox/gusto/_admin/stats").path("requests").asLong() - gustoBefore;
		JsonNode ifsAfter = json(http, base + "/sandbox/ifs/_admin/stats");
		long ifsGets = ifsAfter.path("requestsByMethod").path("GET").asLong()
				- ifsBefore.path("requestsByMethod").path("GET").asLong();
		long ifsRequests = ifsAfter.path("requests").asLong() - ifsBefore.path("requests").asLong();
		JsonNode visma = json(http, base + "/sandbox/visma/_admin/stats").path("byEndpoint");
		long vismaReads = 0;
		long vismaWrites = 0;
		for (Map.Entry<String, JsonNode> endpoint : visma.properties()) {
			if (endpoint.getKey().startsWith("GET ")) {
				vismaReads += endpoint.getValue().asLong();
			}
			else {
				vismaWrites += endpoint.getValue().asLong();
			}
		}
		long employed = jdbc
			.sql("SELECT headcount FROM people_headcount WHERE tenant = 'demo' AND system_name = 'gusto'")
			.query(Long.class)
			.single();
		long ifsHeadcount = jdbc
			.sql("SELECT headcount FROM people_headcount WHERE tenant = 'demo' AND system_name = 'ifs'")
			.query(Long.class)
			.single();
		long vismaHeadcount = jdbc
			.sql("SELECT headcount FROM people_headcount WHERE tenant = 'demo' AND system_name = 'visma'")
			.query(Long.class)
			.single();
		long ifsCreated = json(http, base + "/sandbox/ifs/_admin/stats").path("records").path("ResourceSet").asLong()
				- ifsRecordsBefore;
		long vismaCreated = vismaEmployees(http, base) - vismaEmployeesBefore;
		long ifsFloor = Math.max(1, (ifsRecordsBefore + 999) / 1000) + ifsCreated;
		long vismaFloor = Math.max(1, (vismaEmployeesBefore + 99) / 100) + vismaCreated;
		String summary = row.get("EXIT_MESSAGE") + " | headcount Gusto " + employed + ", IFS " + ifsHeadcount
				+ ", Visma " + vismaHeadcount;
		return new Run(name, seconds, employees, gusto, ifsGets, ifsRequests - ifsGets, ifsFloor, vismaReads,
				vismaWrites, vismaFloor, summary);
	}

	private static long vismaEmployees(WebClient http, String base) {
		return json(http, base + "/sandbox/visma/_admin/stats").path("companies")
			.path(VISMA_COMPANY)
			.path("employees")
			.asLong();
	}

	private record Run(String name, double seconds, long gustoEmployees, long gusto, long ifsReads, long ifsWrites,
			long ifsFloor, long vismaReads, long vismaWrites, long vismaFloor, String summary) {

	}

	private static void print(Run run, String system, long requests, long reads, long writes, long floor,
			double secondsAtLimit) {
		System.out.printf("%-16s %-6s %9d %7d %7d %7d %14.1f s%n", run.name(), system, requests, reads, writes, floor,
				secondsAtLimit);
	}

	private static JsonNode json(WebClient http, String url) {
		return http.get().uri(url).retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(30));
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
