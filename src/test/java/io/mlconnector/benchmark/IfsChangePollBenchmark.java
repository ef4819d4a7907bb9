package io.mlconnector.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mlconnector.MlConnectorApplication;
import io.mlconnector.ifs.IfsChangePoll;
import io.mlconnector.ifs.IfsChangePoller;
import io.mlconnector.tenant.IfsEntitySet;
import io.mlconnector.testsupport.LoopbackPorts;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Polls 100,000 changed supplier invoices from the in-process IFS sandbox over loopback
 * with the change poller (the same code path as production), and prints, side by side,
 * the requests made, the request floor (records / page size, plus the token request), the
 * wall time and the peak heap. The sandbox keeps its records in the same JVM, so the heap
 * figures include them; the baseline before the poll is printed too. Run with:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.mlconnector.benchmark.IfsChangePollBenchmark [-Dexec.args="100000 1000"]
 * </pre>
 *
 * Arguments: invoices (default 100000) and the page size the client asks for (default
 * 1000, at most 5000). Database as for the tests.
 */
public final class IfsChangePollBenchmark {

	private static final IfsEntitySet INVOICES = new IfsEntitySet("ManSuppInvoiceHandling", "ManSuppInvoiceSet");

	private IfsChangePollBenchmark() {
	}

	public static void main(String[] args) {
		int invoices = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int pageSize = (args.length > 1) ? Integer.parseInt(args[1]) : 1000;
		int port = LoopbackPorts.free();
		System.setProperty("mlc.devdb.mode", "test");
		// system properties: they override the profile files (default properties would
		// not)
		Map.of("server.port", String.valueOf(port), "logging.level.root", "WARN", "mlc.inbox.dispatcher.enabled",
				"false", "mlc.sandbox.ifs.requests-per-minute", "0", "mlc.tenants.demo.ifs.max-page-size",
				String.valueOf(pageSize), "mlc.tenants.demo.ifs.requests-per-minute", "100000")
			.forEach(System::setProperty);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MlConnectorApplication.class)
			.web(WebApplicationType.REACTIVE)
			.profiles("sandbox")
			.run();
		try {
			WebClient admin = WebClient.builder()
				.baseUrl("http://localhost:" + port + "/sandbox/ifs/_admin")
				.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
				.build();
			admin.post().uri("/reset").retrieve().toBodilessEntity().block();
			admin.post()
				.uri("/generate")
				.bodyValue(Map.of("supplierInvoices", invoices, "perSecond", 50))
				.retrieve()
				.toBodilessEntity()
				.block();
			context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("DELETE FROM sync_cursor WHERE tenant = 'demo'")
				.update();
			IfsChangePoller poller = context.getBean(IfsChangePoller.class);
			System.out.printf("ml-connector IFS change poll benchmark: %d changed supplier invoices, page size %d, "
					+ "%d cores%n", invoices, pageSize, Runtime.getRuntime().availableProcessors());

			Result first = poll(poller, admin, "first poll (all changed)");
			Result second = poll(poller, admin, "second poll (nothing changed)");
			long floor = (invoices + pageSize - 1) / pageSize;
			System.out.printf("%-30s %10s %10s %14s %12s %16s %18s%n", "", "records", "requests", "request floor",
					"wall time", "peak heap (MiB)", "heap before (MiB)");
			print(first, floor);
			print(second, 1);
			System.out.println("request floor = ceil(records / page size); requests = OData requests answered by "
					+ "the sandbox (token requests excluded)");
		}
		finally {
			context.close();
		}
	}

	private record Result(String name, long records, long requests, Duration wall, long peakHeap, long heapBefore) {

	}

	private static Result poll(IfsChangePoller poller, WebClient admin, String name) {
		long requestsBefore = requests(admin);
		System.gc();
		long heapBefore = heapUsed();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long started = System.nanoTime();
		IfsChangePoll poll = poller.start("demo", INVOICES, List.of("Company", "InvoiceId"), List.of("GrossAmount"))
			.block();
		Long records = poll.changes().count().block();
		poll.commit().block();
		Duration wall = Duration.ofNanos(System.nanoTime() - started);
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
		return new Result(name, records, requests(admin) - requestsBefore, wall, peak, heapBefore);
	}

	private static void print(Result result, long floor) {
		System.out.printf("%-30s %10d %10d %14d %10.2f s %16d %18d%n", result.name(), result.records(),
				result.requests(), floor, result.wall().toMillis() / 1000.0, result.peakHeap() / (1024 * 1024),
				result.heapBefore() / (1024 * 1024));
	}

	private static long requests(WebClient admin) {
		Map<?, ?> stats = admin.get().uri("/stats").retrieve().bodyToMono(Map.class).block();
		return ((Number) stats.get("requests")).longValue();
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
