package io.mlconnector.payroll;

import java.time.Duration;
import java.util.Map;

import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.testsupport.LoopbackPorts;
import io.mlconnector.testsupport.SandboxHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A posting that cannot be made fails with what to fix, posts nothing, and completes once
 * the cause is fixed and an operator restarts it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "mlc.inbox.dispatcher.enabled=false", "mlc.inbox.catch-up.initial-delay=1h",
				// employees without a department rule go to a cost center IFS does not
				// have
				"mlc.tenants.demo.mapping.default-cost-center=CC-404" })
@ActiveProfiles("sandbox")
class PayrollPostingRecoveryFunctionalTests {

	static final int PORT = LoopbackPorts.free();

	static final String BASE = "http://localhost:" + PORT;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AsyncJobLauncher launcher;

	@Autowired
	private Job payrollPostingJob;

	@Autowired
	private IfsClients ifs;

	private final SandboxHttp sandbox = new SandboxHttp(PORT);

	private final WebClient http = this.sandbox.client();

	@Test
	void aPostingWithACostCenterIfsDoesNotHaveFailsWithTheFixAndCompletesWhenRestartedAfterIt() throws Exception {
		// given a payroll whose Finance and Operations people map to CC-404
		this.sandbox.gustoCompany(40, 77);
		this.jdbc.sql("DELETE FROM oauth_token").update();
		this.sandbox.connectGusto();
		String payroll = this.sandbox.processPayroll();

		// when it is posted
		JobExecution failed = this.launcher.start(this.payrollPostingJob,
				new JobParametersBuilder().addString("tenant", "demo")
					.addString("payrollUuid", payroll)
					.addString("kind", "ACCRUAL")
					.addString("dryRun", "false")
					.toJobParameters());
		awaitStatus(failed.getId(), "FAILED");
		// the job listener records the posting as the execution ends
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM payroll_posting WHERE payroll_uuid = ? AND kind = 'ACCRUAL'")
				.param(payroll)
				.query(Long.class)
				.single() > 0);

		// then it failed saying what to fix, and nothing reached IFS
		Map<String, Object> posting = this.jdbc
			.sql("SELECT status, last_error FROM payroll_posting WHERE payroll_uuid = ? AND kind = 'ACCRUAL'")
			.param(payroll)
			.query()
			.singleRow();
		assertThat(posting.get("status")).isEqualTo("FAILED");
		assertThat((String) posting.get("last_error"))
			.contains("cost center CC-404 (CodeB) does not exist in IFS company 10");
		String reference = PayrollReferences.reference(payroll, PostingKind.ACCRUAL, "10");
		assertThat(this.sandbox.ifsVouchers(reference).path("count").asInt()).isZero();

		// when the cost center is created in IFS and an operator restarts the execution
		this.ifs.forTenant("demo")
			.create(this.ifs.forTenant("demo").connection().entitySets().costCenter(),
					Map.of("Company", "10", "CodeB", "CC-404", "Description", "Unallocated payroll"))
			.block(Duration.ofSeconds(30));
		JsonNode restarted = this.http.post()
			.uri(BASE + "/api/v1/executions/{id}/restart", failed.getId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(30));
		long restartId = restarted.path("executionId").asLong();

		// then the same instance completes and the payroll is posted once (the job
		// listener records the posting as the execution ends)
		awaitStatus(restartId, "COMPLETED");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !"POSTING"
				.equals(this.jdbc.sql("SELECT status FROM payroll_posting WHERE payroll_uuid = ? AND kind = 'ACCRUAL'")
					.param(payroll)
					.query(String.class)
					.single()));
		assertThat(this.jdbc.sql("SELECT status FROM payroll_posting WHERE payroll_uuid = ? AND kind = 'ACCRUAL'")
			.param(payroll)
			.query(String.class)
			.single()).isEqualTo("POSTED");
		JsonNode posted = this.sandbox.ifsVouchers(reference);
		assertThat(posted.path("count").asInt()).isEqualTo(1);
		assertThat(posted.path("vouchers").get(0).path("Balanced").asBoolean()).isTrue();
		assertThat(posted.path("vouchers").get(0).path("VoucherRowArray").toString()).contains("CC-404");
		assertThat(this.jdbc
			.sql("SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN (?, ?)")
			.params(failed.getId(), restartId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private void awaitStatus(long executionId, String status) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> status
				.equals(this.jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
					.param(executionId)
					.query(String.class)
					.single()));
	}

}
