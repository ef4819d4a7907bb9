package io.mlconnector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class MlConnectorApplicationIntegrationTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void runsAgainstADatabaseOfItsOwnOnMariaDb() {
		String database = this.jdbc.sql("SELECT DATABASE()").query(String.class).single();
		String version = this.jdbc.sql("SELECT VERSION()").query(String.class).single();
		assertThat(database).startsWith("mlc_test_");
		assertThat(version).containsIgnoringCase("MariaDB");
	}

	@Test
	void liquibaseCreatesSpringBatchAndConnectorTables() {
		List<String> tables = this.jdbc
			.sql("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()")
			.query(String.class)
			.list();
		assertThat(tables).contains("batch_job_instance", "batch_job_execution", "batch_job_execution_params",
				"batch_job_execution_context", "batch_step_execution", "batch_step_execution_context", "inbox_event",
				"payroll_posting", "oauth_token", "sync_cursor", "audit_event", "databasechangelog",
				"databasechangeloglock");
		List<String> sequences = this.jdbc.sql(
				"SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'SEQUENCE'")
			.query(String.class)
			.list();
		assertThat(sequences).containsExactlyInAnyOrder("batch_job_instance_seq", "batch_job_execution_seq",
				"batch_step_execution_seq");
	}

	@Test
	void inboxEventsAreUniquePerSourceAndEventUuid() {
		String insert = "INSERT INTO inbox_event (source, event_uuid, event_type, received_at, content_type, payload, status, updated_at) "
				+ "VALUES ('GUSTO', 'dup-1', 'payroll.processed', NOW(6), 'application/json', '{}', 'RECEIVED', NOW(6))";
		this.jdbc.sql(insert).update();
		org.assertj.core.api.Assertions.assertThatExceptionOfType(org.springframework.dao.DuplicateKeyException.class)
			.isThrownBy(() -> this.jdbc.sql(insert).update());
		this.jdbc.sql("DELETE FROM inbox_event WHERE event_uuid = 'dup-1'").update();
	}

	@Test
	void healthIsUpWithDatabaseAndLiquibase() {
		this.web.get()
			.uri("/actuator/health")
			.headers((headers) -> headers.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.db.status")
			.isEqualTo("UP")
			.jsonPath("$.components.db.details.database")
			.isEqualTo("MariaDB")
			.jsonPath("$.components.liquibase.status")
			.isEqualTo("UP")
			.jsonPath("$.components.liquibase.details.appliedChangeSets")
			.isEqualTo(changeSetsInTheMasterChangelog());
	}

	/**
	 * Every changeset file the master changelog includes holds one changeset.
	 */
	private static int changeSetsInTheMasterChangelog() {
		try {
			// every changeset of every file the master includes: formatted SQL marks each
			// with
			// --changeset, YAML with changeSet:
			Path changelog = Path.of("db/changelog");
			String master = Files.readString(changelog.resolve("db.changelog-master.yaml"));
			int changeSets = 0;
			for (String line : master.lines().map(String::trim).filter((l) -> l.startsWith("file:")).toList()) {
				String included = Files.readString(changelog.resolve(line.substring("file:".length()).trim()));
				changeSets += (int) included.lines()
					.map(String::trim)
					.filter((l) -> l.startsWith("--changeset") || l.startsWith("- changeSet:"))
					.count();
			}
			return changeSets;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void infoShowsBuildAndGit() {
		this.web.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.build.artifact")
			.isEqualTo("ml-connector")
			.jsonPath("$.build.group")
			.isEqualTo("io.mlconnector")
			.jsonPath("$.git.commit.id")
			.exists();
	}

	@Test
	void prometheusNeedsATokenUnlessConfiguredOpen() {
		this.web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void prometheusListsJvmHttpAndDatabasePoolMetrics() {
		this.web.get().uri("/actuator/health").exchange().expectStatus().isOk();
		String scrape = this.web.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains("# TYPE jvm_memory_used_bytes gauge")
			.contains("# TYPE http_server_requests_seconds histogram")
			.contains("hikaricp_connections_active")
			.contains("application=\"ml-connector\"");
	}

}
