package io.mlconnector.devdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The database of one test JVM: a fresh database on the MariaDB server at
 * {@code MLC_TEST_DB_HOST:MLC_TEST_DB_PORT} (default {@code 127.0.0.1:3306}, user
 * {@code MLC_TEST_DB_USER} default root, password {@code MLC_TEST_DB_PASSWORD} default
 * empty) when it answers, otherwise on an embedded MariaDB. The database is dropped when
 * the JVM exits, so test runs never see each other's data.
 */
final class TestDatabase {

	private static final Log logger = LogFactory.getLog(TestDatabase.class);

	private static final String PREFIX = "mlc_test_";

	private static final Duration STALE_AFTER = Duration.ofHours(12);

	private static TestDatabase instance;

	private final String url;

	private final String user;

	private final String password;

	private TestDatabase(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	static synchronized TestDatabase get(Map<String, String> env) {
		if (instance == null) {
			instance = create(env);
		}
		return instance;
	}

	private static TestDatabase create(Map<String, String> env) {
		String host = env.getOrDefault("MLC_TEST_DB_HOST", "127.0.0.1");
		String port = env.getOrDefault("MLC_TEST_DB_PORT", "3306");
		String user = env.getOrDefault("MLC_TEST_DB_USER", "root");
		String password = env.getOrDefault("MLC_TEST_DB_PASSWORD", "");
		String name = PREFIX + Instant.now().getEpochSecond() + "_"
				+ Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
		String serverUrl = "jdbc:mariadb://" + host + ":" + port + "/?connectTimeout=2000";
		try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
			dropStaleDatabases(connection);
			createDatabase(connection, name);
			logger.info("Tests use database " + name + " on the MariaDB server at " + host + ":" + port);
		}
		catch (SQLException ex) {
			logger.info("No MariaDB server answers at " + host + ":" + port + " (" + ex.getMessage()
					+ "); starting an embedded MariaDB for the tests");
			EmbeddedMariaDb embedded = EmbeddedMariaDb.startTemporary();
			embedded.createDatabase(name);
			return new TestDatabase("jdbc:mariadb://127.0.0.1:" + embedded.port() + "/" + name, "root", "");
		}
		String url = "jdbc:mariadb://" + host + ":" + port + "/" + name;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, user, password, name), "test-db-drop"));
		return new TestDatabase(url, user, password);
	}

	private static void createDatabase(Connection connection, String name) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
	}

	/**
	 * Drops databases left behind by test JVMs that were killed before their shutdown
	 * hook ran. Only names older than {@link #STALE_AFTER} are touched, so parallel runs
	 * are safe.
	 */
	private static void dropStaleDatabases(Connection connection) throws SQLException {
		List<String> stale = new ArrayList<>();
		long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
		try (Statement statement = connection.createStatement();
				ResultSet databases = statement.executeQuery("SHOW DATABASES LIKE '" + PREFIX + "%'")) {
			while (databases.next()) {
				String database = databases.getString(1);
				String[] parts = database.substring(PREFIX.length()).split("_");
				if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
					stale.add(database);
				}
			}
		}
		for (String database : stale) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
			}
		}
	}

	private static void drop(String serverUrl, String user, String password, String name) {
		try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

	String url() {
		return this.url;
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

}
