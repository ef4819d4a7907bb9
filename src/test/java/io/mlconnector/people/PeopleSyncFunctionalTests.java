package io.mlconnector.people;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.gusto.GustoEmployee;
import io.mlconnector.ifs.IfsClient;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.testsupport.LoopbackPorts;
import io.mlconnector.testsupport.SandboxHttp;
import io.mlconnector.visma.VismaClients;
import io.mlconnector.visma.VismaEmployee;
import io.mlconnector.visma.VismaEmployeeStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The people sync through the real path: Gusto's employee webhooks (each delivered twice)
 * → inbox → dispatcher → {@code peopleSyncJob} → the IFS and Visma sandboxes over
 * loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "mlc.inbox.dispatcher.poll-interval=200ms", "mlc.inbox.catch-up.initial-delay=1h",
				"mlc.inbox.dispatcher.max-attempts=1",
				// small chunks, so a restarted sweep shows it goes on from its last
				// commit
				"mlc.people.sweep.chunk-size=4",
				// a department the Visma sandbox does not have: the fix is to create it
				// there
				"mlc.tenants.demo.mapping.visma-department-by-department.Marketing=BRANDING" })
@ActiveProfiles("sandbox")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleSyncFunctionalTests {

	static final int PORT = LoopbackPorts.free();

	static final String BASE = "http://localhost:" + PORT;

	/** San Francisco in the demo mapping: IFS company 10, Visma branch 1. */
	static final String SAN_FRANCISCO = "5e7a867f-ca0f-3845-abd0-3dde0640bce8";

	/** Austin: IFS company 30, Visma branch 2. */
	static final String AUSTIN = "fc72bc15-d15f-3ddc-bb2a-7d9c71996114";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("mlc.gusto.webhook-url", () -> BASE + "/webhooks/gusto");
		registry.add("mlc.sandbox.gusto.verification-token", () -> "people-sync-test-token");
	}

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private IfsClients ifs;

	@Autowired
	private VismaClients visma;

	@Autowired
	private GustoClient gusto;

	private final SandboxHttp sandbox = new SandboxHttp(PORT);

	private final WebClient http = this.sandbox.client();

	@BeforeAll
	void connectAndSubscribe() {
		this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/companies",
				Map.of("company_uuid", SandboxHttp.COMPANY, "employees", 3, "seed", 5150, "location_seed", 42));
		this.jdbc.sql("DELETE FROM oauth_token").update();
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
		this.sandbox.connectGusto();
		this.http.put()
			.uri(BASE + "/api/v1/gusto/webhook-subscription")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.bodyValue(Map.of("subscription_types", List.of("Employee")))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT COUNT(*) FROM gusto_webhook_token").query(Long.class).single() > 0);
		// every event is delivered twice
		this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/webhooks", Map.of("duplicate", true));
	}

	@AfterAll
	void forgetTheSubscriptionToken() {
		// the database is shared with the other test classes of this run
		this.jdbc.sql("DELETE FROM gusto_webhook_token").update();
	}

	@Test
	void aHiredEmployeeBecomesAnActiveIfsResourceAndAVismaEmployeeMappedByDepartmentAndLocation() {
		// when Gusto hires an engineer in San Francisco
		String employee = hire("Ada", "Lovelace", "Engineering", SAN_FRANCISCO);

		// then IFS has an active resource in company 10 on the engineering cost center
		Map<String, Object> link = awaitSynced(employee, null);
		assertThat(link).containsEntry("ifs_company", "10").containsEntry("active", true);
		IfsEntity resource = resource("10", employee);
		assertThat(resource.string("Objstate")).isEqualTo("Active");
		assertThat(resource.string("CodeB")).isEqualTo("CC-100");
		assertThat(resource.string("Description")).isEqualTo("Ada Lovelace");
		// and Visma an active employee in the engineering department and branch 1
		VismaEmployee vismaEmployee = vismaEmployee((String) link.get("visma_employee_number"));
		assertThat(vismaEmployee.status()).isEqualTo(VismaEmployeeStatus.ACTIVE);
		assertThat(vismaEmployee.department()).isEqualTo("ENG");
		assertThat(vismaEmployee.branchNumber()).isEqualTo("1");
		assertThat(vismaEmployee.contact().lastName()).isEqualTo("Lovelace");
		// and the duplicated deliveries made one resource and one employee
		assertThat(resources(employee)).hasSize(1);
	}

	@Test
	void aMoveToAnotherDepartmentAndLocationChangesTheCostCenterTheCompanyAndTheVismaDepartment() {
		String employee = hire("Grace", "Hopper", "Engineering", SAN_FRANCISCO);
		long hired = (Long) awaitSynced(employee, null).get("job_execution_id");

		// when Gusto moves her to sales in Austin
		this.sandbox.admin(HttpMethod.PUT, "/sandbox/gusto/_admin/employees/" + employee,
				Map.of("department", "Sales", "work_location_uuid", AUSTIN));

		// then her resource in company 30 is on the sales cost center, the one in company
		// 10 is blocked, and Visma has her in sales at branch 2
		Map<String, Object> link = awaitSynced(employee, hired);
		assertThat(link).containsEntry("ifs_company", "30");
		IfsEntity moved = resource("30", employee);
		assertThat(moved.string("Objstate")).isEqualTo("Active");
		assertThat(moved.string("CodeB")).isEqualTo("CC-200");
		assertThat(resource("10", employee).string("Objstate")).isEqualTo("Blocked");
		VismaEmployee vismaEmployee = vismaEmployee((String) link.get("visma_employee_number"));
		assertThat(vismaEmployee.department()).isEqualTo("SALES");
		assertThat(vismaEmployee.branchNumber()).isEqualTo("2");
	}

	@Test
	void aTerminatedEmployeeIsBlockedInIfsWithAnEndDateAndInactiveInVismaAndNothingIsDeleted() {
		String employee = hire("Alan", "Turing", "Engineering", SAN_FRANCISCO);
		long hired = (Long) awaitSynced(employee, null).get("job_execution_id");

		// when Gusto terminates him
		LocalDate lastDay = LocalDate.now().minusDays(1);
		this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/employees/" + employee + "/terminate",
				Map.of("effective_date", lastDay.toString()));

		// then the resource stays, blocked, valid until his last day, and the Visma
		// employee stays, inactive
		Map<String, Object> link = awaitSynced(employee, hired);
		assertThat(link).containsEntry("active", false);
		IfsEntity resource = resource("10", employee);
		assertThat(resource.string("Objstate")).isEqualTo("Blocked");
		assertThat(resource.string("ValidTo")).isEqualTo(lastDay.toString());
		assertThat(vismaEmployee((String) link.get("visma_employee_number")).status())
			.isEqualTo(VismaEmployeeStatus.INACTIVE);
	}

	@Test
	void anEmployeeInADepartmentVismaDoesNotHaveFailsWithTheFixAndARestartAfterTheFixCompletesTheSameInstance() {
		// when Gusto hires into marketing, mapped to a Visma department that does not
		// exist
		String employee = hire("Hedy", "Lamarr", "Marketing", SAN_FRANCISCO);

		// then IFS has her, and her Visma sync failed saying what Visma refused
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Map<String, Object> link = link(employee);
			return link != null && "FAILED".equals(link.get("visma_status"));
		});
		Map<String, Object> failed = link(employee);
		assertThat(failed).containsEntry("ifs_status", "SYNCED");
		assertThat((String) failed.get("visma_error")).contains("Visma refused the employee").contains("BRANDING");
		long execution = (Long) failed.get("job_execution_id");
		// and the operator API lists her with the reason
		JsonNode listed = this.http.get()
			.uri(BASE + "/api/v1/people/failed?tenant=demo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30));
		assertThat(listed.valueStream().filter((link) -> employee.equals(link.path("employeeUuid").asString())))
			.singleElement()
			.satisfies((link) -> assertThat(link.path("vismaError").asString()).contains("BRANDING"));
		await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(execution)));
		assertThat(this.jdbc.sql("SELECT EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
			.param(execution)
			.query(String.class)
			.single()).contains("BRANDING");

		// when the department is created in Visma and an operator restarts the execution
		createVismaDepartment("BRANDING");
		JsonNode restarted = this.http.post()
			.uri(BASE + "/api/v1/executions/{id}/restart", execution)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30));
		long restart = restarted.path("executionId").asLong();

		// then the same instance completes with her in Visma, and IFS was not written
		// again
		await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(status(restart)));
		Map<String, Object> synced = link(employee);
		assertThat(synced).containsEntry("visma_status", "SYNCED").containsEntry("job_execution_id", restart);
		assertThat(vismaEmployee((String) synced.get("visma_employee_number")).department()).isEqualTo("BRANDING");
		assertThat(this.jdbc
			.sql("SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN (?, ?)")
			.params(execution, restart)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(resources(employee)).hasSize(1);
	}

	@Test
	void aRehiredEmployeeIsActiveAgainInIfsWithoutAnEndDateAndTheSameVismaEmployeeIsActiveAgain() {
		String employee = hire("Katherine", "Johnson", "Engineering", SAN_FRANCISCO);
		long hired = (Long) awaitSynced(employee, null).get("job_execution_id");
		String vismaNumber = (String) link(employee).get("visma_employee_number");
		this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/employees/" + employee + "/terminate",
				Map.of("effective_date", LocalDate.now().minusDays(3).toString()));
		long terminated = (Long) awaitSynced(employee, hired).get("job_execution_id");
		assertThat(resource("10", employee).string("Objstate")).isEqualTo("Blocked");

		// when Gusto rehires her
		this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/employees/" + employee + "/rehire", Map.of());

		// then the same resource is active again without an end date, and the same Visma
		// employee is active again
		Map<String, Object> link = awaitSynced(employee, terminated);
		assertThat(link).containsEntry("active", true).containsEntry("visma_employee_number", vismaNumber);
		IfsEntity resource = resource("10", employee);
		assertThat(resource.string("Objstate")).isEqualTo("Active");
		assertThat(resource.get("ValidTo")).isNull();
		assertThat(vismaEmployee(vismaNumber).status()).isEqualTo(VismaEmployeeStatus.ACTIVE);
		assertThat(resources(employee)).hasSize(1);
	}

	@Test
	void eventsDeliveredOutOfOrderEndInGustosNewestState() {
		// when the hire's event arrives after the move's (each delivered twice)
		this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/webhooks",
				Map.of("duplicate", true, "reorder", true));
		String employee;
		try {
			employee = hire("Barbara", "Liskov", "Engineering", SAN_FRANCISCO);
			this.sandbox.admin(HttpMethod.PUT, "/sandbox/gusto/_admin/employees/" + employee,
					Map.of("department", "Sales", "work_location_uuid", AUSTIN));
		}
		finally {
			this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/webhooks", Map.of("duplicate", true));
		}

		// then every sync applied the employee as Gusto has her now: in sales in Austin,
		// and never a resource in company 10
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql(
					"SELECT COUNT(*) FROM inbox_event WHERE entity_id = ? AND status IN ('RECEIVED', 'PROCESSING', 'RUNNING')")
				.param(employee)
				.query(Long.class)
				.single() == 0
					&& this.jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE entity_id = ?")
						.param(employee)
						.query(Long.class)
						.single() >= 2);
		Map<String, Object> link = awaitSynced(employee, null);
		assertThat(link).containsEntry("ifs_company", "30");
		assertThat(resource("30", employee).string("CodeB")).isEqualTo("CC-200");
		assertThat(resource("10", employee)).isNull();
		VismaEmployee vismaEmployee = vismaEmployee((String) link.get("visma_employee_number"));
		assertThat(vismaEmployee.department()).isEqualTo("SALES");
		assertThat(vismaEmployee.branchNumber()).isEqualTo("2");
	}

	@Test
	void aResourceChangedInIfsSinceItWasReadIsReadAgainOnceAndUpdated() {
		String employee = hire("Frances", "Allen", "Engineering", SAN_FRANCISCO);
		long hired = (Long) awaitSynced(employee, null).get("job_execution_id");
		String key = "Company='10',ResourceSeq=" + resource("10", employee).get("ResourceSeq");

		// when IFS answers the next update of the resource 412 (changed by someone else
		// since read)
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/faults",
				Map.of("kind", "STATUS", "status", 412, "count", 1, "path", "ResourceSet(" + key + ")"));
		this.sandbox.admin(HttpMethod.PUT, "/sandbox/gusto/_admin/employees/" + employee,
				Map.of("last_name", "Allen-Elliott"));

		// then the sync read the resource again and applied the change with its new ETag
		awaitSynced(employee, hired);
		assertThat(resource("10", employee).string("Description")).isEqualTo("Frances Allen-Elliott");
		assertThat(resources(employee)).hasSize(1);
	}

	@Test
	void theSweepRepairsDriftMadeBehindItsBackAndAnUnchangedSecondSweepWritesNothing() {
		// given an employee synced, one whose resource was blocked and recoded in IFS,
		// one
		// made inactive in Visma, and one hired without Gusto's webhook ever arriving
		String blocked = hire("Edsger", "Dijkstra", "Engineering", SAN_FRANCISCO);
		String inactive = hire("Donald", "Knuth", "Engineering", SAN_FRANCISCO);
		awaitSynced(blocked, null);
		awaitSynced(inactive, null);
		IfsClient client = this.ifs.forTenant("demo");
		IfsEntity resource = resource("10", blocked);
		client
			.invoke(client.connection().entitySets().resource(), resource.key(IfsResources.KEYS), "Resource_Block",
					resource.etag(), Map.of())
			.block(Duration.ofSeconds(30));
		this.sandbox.admin(HttpMethod.POST, "/sandbox/ifs/_admin/touch", Map.of("entitySet", "ResourceSet", "key",
				"Company='10',ResourceSeq=" + resource.get("ResourceSeq"), "changes", Map.of("CodeB", "CC-999")));
		VismaEmployee knuth = vismaEmployee((String) link(inactive).get("visma_employee_number"));
		this.visma.forTenant("demo").changeStatus(knuth, VismaEmployeeStatus.INACTIVE).block(Duration.ofSeconds(30));
		String missed = this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/employees",
				Map.of("company_uuid", SandboxHttp.COMPANY, "first_name", "Niklaus", "last_name", "Wirth", "email",
						"niklaus@example.com", "department", "Sales", "work_location_uuid", AUSTIN, "send_webhook",
						false))
			.path("uuid")
			.asString();

		// when the sweep runs
		Map<String, Object> first = sweep(LocalDate.now().plusDays(100));

		// then IFS and Visma hold every employee as Gusto has them
		assertThat(first).containsEntry("STATUS", "COMPLETED");
		IfsEntity repaired = resource("10", blocked);
		assertThat(repaired.string("Objstate")).isEqualTo("Active");
		assertThat(repaired.string("CodeB")).isEqualTo("CC-100");
		assertThat(vismaEmployee(knuth.employeeNumber()).status()).isEqualTo(VismaEmployeeStatus.ACTIVE);
		Map<String, Object> found = link(missed);
		assertThat(found).containsEntry("ifs_status", "SYNCED")
			.containsEntry("visma_status", "SYNCED")
			.containsEntry("ifs_company", "30");
		assertThat(resource("30", missed).string("Objstate")).isEqualTo("Active");
		assertThat(vismaEmployee((String) found.get("visma_employee_number")).department()).isEqualTo("SALES");
		assertThat((String) first.get("EXIT_MESSAGE")).contains("IFS: ").contains("Visma: ");
		// and the headcount of each system is recorded: Gusto's employed, and as many
		// Active in IFS and in Visma as were synced there
		List<String> employedInGusto = this.gusto.employees("demo")
			.filter((employee) -> !Boolean.TRUE.equals(employee.terminated()))
			.map(GustoEmployee::uuid)
			.collectList()
			.block(Duration.ofSeconds(30));
		Map<String, Long> headcount = headcounts();
		assertThat(headcount).containsEntry("gusto", (long) employedInGusto.size());
		// (the links of other test classes' companies share the table)
		List<Map<String, Object>> links = employedInGusto.stream().map(this::link).toList();
		assertThat(headcount.get("ifs"))
			.isEqualTo(links.stream().filter((link) -> "SYNCED".equals(link.get("ifs_status"))).count());
		assertThat(headcount.get("visma"))
			.isEqualTo(links.stream().filter((link) -> "SYNCED".equals(link.get("visma_status"))).count());

		// and the dashboard's gauges show them
		String metrics = this.http.get()
			.uri(BASE + "/actuator/prometheus")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
		assertThat(metrics)
			.contains("mlc_people_headcount{application=\"ml-connector\",system=\"gusto\",tenant=\"demo\"} "
					+ employedInGusto.size() + ".0")
			.contains("mlc_people_headcount{application=\"ml-connector\",system=\"ifs\",tenant=\"demo\"} "
					+ headcount.get("ifs") + ".0");

		// when nothing changed and the sweep runs again
		long ifsRequests = json("/sandbox/ifs/_admin/stats").path("requests").asLong();
		long vismaWrites = vismaWrites();
		Map<String, Object> second = sweep(LocalDate.now().plusDays(101));

		// then it wrote nothing and read IFS in one page
		assertThat(second).containsEntry("STATUS", "COMPLETED");
		assertThat((String) second.get("EXIT_MESSAGE")).contains("IFS: 0 created, 0 updated")
			.contains("Visma: 0 created, 0 updated");
		assertThat(vismaWrites()).isEqualTo(vismaWrites);
		assertThat(json("/sandbox/ifs/_admin/stats").path("requests").asLong()).isEqualTo(ifsRequests + 1);
	}

	@Test
	void aSweepThatFailsWhileVismaIsDownIsRestartedByTheOperatorAndGoesOnFromItsLastCommitWithoutASecondResource() {
		// given a company of at least two chunks swept, and two employees hired since
		// without Gusto's webhooks arriving, listed last
		for (String first : List.of("Ada", "Bea", "Cy", "Dee")) {
			this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/employees",
					Map.of("company_uuid", SandboxHttp.COMPANY, "first_name", first, "last_name", "Swept", "email",
							first.toLowerCase() + ".swept@example.com", "department", "Sales", "work_location_uuid",
							AUSTIN, "send_webhook", false));
		}
		assertThat(sweep(LocalDate.now().plusDays(199))).containsEntry("STATUS", "COMPLETED");
		List<String> missed = List.of("Ida", "Joan")
			.stream()
			.map((first) -> this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/employees",
					Map.of("company_uuid", SandboxHttp.COMPANY, "first_name", first, "last_name", "Missed", "email",
							first.toLowerCase() + ".missed@example.com", "department", "Engineering",
							"work_location_uuid", SAN_FRANCISCO, "send_webhook", false))
				.path("uuid")
				.asString())
			.toList();
		long listed = this.gusto.employees("demo").count().block(Duration.ofSeconds(30));
		// and Visma answering every employee create 503
		this.sandbox.admin(HttpMethod.POST, "/sandbox/visma/_admin/faults",
				Map.of("kind", "STATUS", "status", 503, "endpoint", "POST /v1/employee", "count", 1000));

		// when the sweep runs, it fails at the first create
		long failed;
		try {
			Map<String, Object> run = sweep(LocalDate.now().plusDays(200));
			assertThat(run).containsEntry("STATUS", "FAILED");
			failed = ((Number) run.get("JOB_EXECUTION_ID")).longValue();
		}
		finally {
			this.sandbox.admin(HttpMethod.DELETE, "/sandbox/visma/_admin/faults", Map.of());
		}
		// the chunks before the first create were committed (4 employees each)
		long committed = 4 * this.jdbc.sql("SELECT COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?")
			.param(failed)
			.query(Long.class)
			.single();
		assertThat(committed).isPositive().isLessThan(listed);

		// when Visma is back and the operator restarts the execution
		long restart = this.http.post()
			.uri(BASE + "/api/v1/executions/{id}/restart", failed)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30))
			.path("executionId")
			.asLong();
		await().atMost(Duration.ofSeconds(90)).until(() -> "COMPLETED".equals(status(restart)));

		// then the same instance completed, reading on from the last commit, and both
		// employees are in IFS once and in Visma
		assertThat(this.jdbc
			.sql("SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN (?, ?)")
			.params(failed, restart)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?")
			.param(restart)
			.query(Long.class)
			.single()).isEqualTo(listed - committed);
		// and the headcount counts each employee once, the chunk rolled back included
		assertThat(headcounts()).containsEntry("gusto",
				this.gusto.employees("demo")
					.filter((employee) -> !Boolean.TRUE.equals(employee.terminated()))
					.count()
					.block(Duration.ofSeconds(30)));
		for (String employee : missed) {
			assertThat(link(employee)).containsEntry("ifs_status", "SYNCED").containsEntry("visma_status", "SYNCED");
			assertThat(resources(employee)).hasSize(1);
			assertThat(vismaEmployee((String) link(employee).get("visma_employee_number")).status())
				.isEqualTo(VismaEmployeeStatus.ACTIVE);
		}
	}

	private Map<String, Object> sweep(LocalDate day) {
		long execution = this.http.post()
			.uri(BASE + "/api/v1/jobs/peopleSweepJob/launch")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.bodyValue(Map.of("parameters", Map.of("tenant", "demo", "day", day.toString())))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30))
			.path("executionId")
			.asLong();
		await().atMost(Duration.ofSeconds(90)).until(() -> !List.of("STARTING", "STARTED").contains(status(execution)));
		return this.jdbc
			.sql("SELECT JOB_EXECUTION_ID, STATUS, EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
			.param(execution)
			.query()
			.singleRow();
	}

	private Map<String, Long> headcounts() {
		Map<String, Long> headcounts = new HashMap<>();
		this.jdbc.sql("SELECT system_name, headcount FROM people_headcount WHERE tenant = 'demo'").query((rs) -> {
			headcounts.put(rs.getString(1), rs.getLong(2));
		});
		return headcounts;
	}

	private long vismaWrites() {
		return json("/sandbox/visma/_admin/stats").path("byEndpoint")
			.properties()
			.stream()
			.filter((endpoint) -> endpoint.getKey().startsWith("POST /v1/employee")
					|| endpoint.getKey().startsWith("PUT /v1/employee"))
			.mapToLong((endpoint) -> endpoint.getValue().asLong())
			.sum();
	}

	private JsonNode json(String path) {
		return this.http.get().uri(BASE + path).retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(30));
	}

	private String hire(String first, String last, String department, String location) {
		return this.sandbox.admin(HttpMethod.POST, "/sandbox/gusto/_admin/employees",
				Map.of("company_uuid", SandboxHttp.COMPANY, "first_name", first, "last_name", last, "email",
						first.toLowerCase() + "@example.com", "department", department, "work_location_uuid", location))
			.path("uuid")
			.asString();
	}

	/**
	 * Waits until a sync after {@code after} (a job execution) left both targets SYNCED.
	 */
	private Map<String, Object> awaitSynced(String employee, Long after) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			Map<String, Object> link = link(employee);
			return link != null && "SYNCED".equals(link.get("ifs_status")) && "SYNCED".equals(link.get("visma_status"))
					&& (after == null || !after.equals(link.get("job_execution_id")))
					&& "COMPLETED".equals(status((Long) link.get("job_execution_id")));
		});
		return link(employee);
	}

	private Map<String, Object> link(String employee) {
		return this.jdbc.sql("SELECT * FROM employee_link WHERE tenant = 'demo' AND employee_uuid = ?")
			.param(employee)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private String status(long execution) {
		return this.jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
			.param(execution)
			.query(String.class)
			.single();
	}

	private IfsEntity resource(String company, String employee) {
		IfsClient client = this.ifs.forTenant("demo");
		return client
			.findUnique(client.connection().entitySets().resource(),
					Map.of("Company", company, "EmployeeReference", "GUSTO:" + employee))
			.block(Duration.ofSeconds(30));
	}

	private List<IfsEntity> resources(String employee) {
		IfsClient client = this.ifs.forTenant("demo");
		return client
			.readAll(client.connection().entitySets().resource(),
					io.mlconnector.ifs.IfsQuery.all()
						.filter(io.mlconnector.ifs.ODataLiteral.compare("EmployeeReference", "eq",
								"GUSTO:" + employee)))
			.filter((resource) -> "Active".equals(resource.string("Objstate")))
			.collectList()
			.block(Duration.ofSeconds(30));
	}

	private VismaEmployee vismaEmployee(String employeeCd) {
		return this.visma.forTenant("demo").employee(employeeCd).block(Duration.ofSeconds(30));
	}

	private void createVismaDepartment(String id) {
		String token = this.http.post()
			.uri(BASE + "/sandbox/visma/connect/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials&client_id=sandbox-visma-client"
					+ "&client_secret=sandbox-visma-secret&scope=vismanet_erp_service_api%3Aread"
					+ "%20vismanet_erp_service_api%3Acreate%20vismanet_erp_service_api%3Aupdate"
					+ "&tenant_id=5b7c2a10-0d4e-4f7e-9a51-3c2b1a0f9e87")
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30))
			.path("access_token")
			.asString();
		this.http.post()
			.uri(BASE + "/sandbox/visma/v1/department")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("departmentId", id, "description", Map.of("value", "Branding")))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(30));
	}

}
