package io.mlconnector.ops;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.mlconnector.devdb.DevDatabaseEnvironmentPostProcessor;
import io.mlconnector.tenant.ConnectionCheck;
import io.mlconnector.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// the fake "gusto" and "slack" checks below stand in for the real ones
// (mlc.gusto.connection-check, mlc.slack.connection-check)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "mlc.inbox.dispatcher.enabled=false", "mlc.gusto.connection-check=false",
				"mlc.slack.connection-check=false" })
@AutoConfigureWebTestClient
@ActiveProfiles("acme")
class OperatorApiIntegrationTests {

	static final String OPERATOR = DevDatabaseEnvironmentPostProcessor.TEST_OPERATOR_TOKEN;

	static final String VIEWER = DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN;

	static final AtomicBoolean failNextPosting = new AtomicBoolean();

	static final AtomicInteger vouchersPosted = new AtomicInteger();

	static final AtomicBoolean keepRunning = new AtomicBoolean();

	@Autowired
	private WebTestClient web;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JobRepository jobRepository;

	@BeforeEach
	void reset() {
		failNextPosting.set(false);
		vouchersPosted.set(0);
		keepRunning.set(false);
	}

	@Test
	void aFailedPostingRestartedByAnOperatorCompletesAsANewExecutionOfTheSameInstance() {
		// given a posting whose first attempt fails
		failNextPosting.set(true);
		String payroll = UUID.randomUUID().toString();
		long failed = launch("fakePostingJob", Map.of("tenant", "acme", "payrollUuid", payroll));
		awaitStatus(failed, BatchStatus.FAILED);
		this.web.get()
			.uri("/api/v1/executions/{id}", failed)
			.headers((h) -> h.setBearerAuth(VIEWER))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("FAILED")
			.jsonPath("$.parameters.payrollUuid")
			.isEqualTo(payroll)
			.jsonPath("$.identifyingParameters.length()")
			.isEqualTo(2)
			.jsonPath("$.failures[0]")
			.isEqualTo("IllegalStateException: IFS answered 503 Service Unavailable")
			.jsonPath("$.steps[0].name")
			.isEqualTo("fakePostingStep")
			.jsonPath("$.steps[0].commits")
			.isEqualTo(0);
		// when
		Map<?, ?> restarted = this.web.post()
			.uri("/api/v1/executions/{id}/restart", failed)
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		long restartedId = ((Number) restarted.get("executionId")).longValue();
		// then
		awaitStatus(restartedId, BatchStatus.COMPLETED);
		assertThat(restartedId).isNotEqualTo(failed);
		assertThat(this.jobRepository.getJobExecution(restartedId).getJobInstance().getInstanceId())
			.isEqualTo(this.jobRepository.getJobExecution(failed).getJobInstance().getInstanceId());
		assertThat(vouchersPosted).hasValue(1);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'execution.restart' AND subject = ? "
					+ "AND actor = 'ops:operator' AND outcome = 'SUCCESS'")
			.param("execution:" + failed)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void restartingACompletedExecutionIsAConflictWithTheReason() {
		long completed = launch("fakePostingJob",
				Map.of("tenant", "acme", "payrollUuid", UUID.randomUUID().toString()));
		awaitStatus(completed, BatchStatus.COMPLETED);
		this.web.post()
			.uri("/api/v1/executions/{id}/restart", completed)
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(409)
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("is COMPLETED")
				.contains("only FAILED or STOPPED executions are restarted")
				.contains("a completed job instance never runs twice"));
		assertThat(vouchersPosted).hasValue(1);
	}

	@Test
	void aRunningExecutionIsStoppedByAnOperator() {
		keepRunning.set(true);
		long running = launch("longRunningJob", Map.of("tenant", "acme", "run", UUID.randomUUID().toString()));
		awaitStatus(running, BatchStatus.STARTED);
		this.web.post()
			.uri("/api/v1/executions/{id}/stop", running)
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.exchange()
			.expectStatus()
			.isAccepted();
		awaitStatus(running, BatchStatus.STOPPED);
		this.web.post()
			.uri("/api/v1/executions/{id}/stop", running)
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Execution " + running + " is not running, so it cannot be stopped");
		this.web.post()
			.uri("/api/v1/executions/{id}/abandon", running)
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ABANDONED");
	}

	@Test
	void executionsAreListedByJobStatusAndTenant() {
		long completed = launch("fakePostingJob",
				Map.of("tenant", "acme", "payrollUuid", UUID.randomUUID().toString()));
		awaitStatus(completed, BatchStatus.COMPLETED);
		this.web.get()
			.uri("/api/v1/executions?job=fakePostingJob&status=COMPLETED&tenant=acme&limit=500")
			.headers((h) -> h.setBearerAuth(VIEWER))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + completed + ")].tenant")
			.isEqualTo("acme");
		this.web.get()
			.uri("/api/v1/executions?status=SIDEWAYS")
			.headers((h) -> h.setBearerAuth(VIEWER))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.get()
			.uri("/api/v1/executions/{id}", Long.MAX_VALUE)
			.headers((h) -> h.setBearerAuth(VIEWER))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("There is no job execution " + Long.MAX_VALUE);
	}

	@Test
	void launchingAnUnknownJobOrWithBadParametersIsABadRequestThatSaysWhich() {
		this.web.post()
			.uri("/api/v1/jobs/noSuchJob/launch")
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.bodyValue(Map.of("parameters", Map.of("tenant", "acme")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("There is no job named 'noSuchJob'")
				.contains("fakePostingJob"));
		this.web.post()
			.uri("/api/v1/jobs/fakePostingJob/launch")
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.bodyValue(Map.of("parameters", Map.of("tenant", "acme")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("Invalid parameters for fakePostingJob")
				.contains("payrollUuid"));
		this.web.post()
			.uri("/api/v1/jobs/fakePostingJob/launch")
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.bodyValue(Map.of("parameters", Map.of("tenant", "globex", "payrollUuid", "p")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Parameter 'tenant': no tenant 'globex' is configured");
	}

	@Test
	void aDeadEventIsReplayedAndAReceivedOneIsNot() {
		long dead = inboxEvent("DEAD");
		long received = inboxEvent("RECEIVED");
		this.web.post()
			.uri("/api/v1/inbox/{id}/replay", dead)
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.previousStatus")
			.isEqualTo("DEAD")
			.jsonPath("$.status")
			.isEqualTo("RECEIVED");
		assertThat(
				this.jdbc.sql("SELECT status, attempts FROM inbox_event WHERE id = ?").param(dead).query().singleRow())
			.containsEntry("status", "RECEIVED")
			.containsEntry("attempts", 0);
		this.web.post()
			.uri("/api/v1/inbox/{id}/replay", received)
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Inbox event " + received + " is RECEIVED; only FAILED or DEAD events are replayed");
		this.web.get()
			.uri("/api/v1/inbox?status=RECEIVED&source=GUSTO")
			.headers((h) -> h.setBearerAuth(VIEWER))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + dead + ")].status")
			.isEqualTo("RECEIVED");
	}

	@Test
	void withoutATokenOrWithAWrongOneTheApiAnswers401AsAProblem() {
		this.web.get()
			.uri("/api/v1/executions")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
		this.web.get()
			.uri("/api/v1/executions")
			.headers((h) -> h.setBearerAuth("not-the-token"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The bearer token is not valid for this service.");
	}

	@Test
	void aViewerMayReadButNotActAndGets403AsAProblem() {
		long dead = inboxEvent("DEAD");
		this.web.get().uri("/api/v1/inbox").headers((h) -> h.setBearerAuth(VIEWER)).exchange().expectStatus().isOk();
		this.web.post()
			.uri("/api/v1/inbox/{id}/replay", dead)
			.headers((h) -> h.setBearerAuth(VIEWER))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The viewer token may read but not act; use the operator token.");
		assertThat(
				this.jdbc.sql("SELECT status FROM inbox_event WHERE id = ?").param(dead).query(String.class).single())
			.isEqualTo("DEAD");
	}

	@Test
	void healthAndInfoArePublicAndTheOpenApiDescriptionListsTheApi() {
		this.web.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.web.get().uri("/actuator/info").exchange().expectStatus().isOk();
		this.web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("ml-connector operator API")
			.jsonPath("$.paths['/api/v1/executions/{id}/restart'].post")
			.exists()
			.jsonPath("$.components.securitySchemes.bearer.scheme")
			.isEqualTo("bearer");
	}

	@Test
	void aFailingConnectionDegradesHealthWithoutFailingIt() {
		this.web.get()
			.uri("/actuator/health")
			.headers((headers) -> headers.setBearerAuth(DevDatabaseEnvironmentPostProcessor.TEST_VIEWER_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DEGRADED")
			.jsonPath("$.components.connections.components.acme.components.gusto.status")
			.isEqualTo("UP")
			.jsonPath("$.components.connections.components.acme.components.slack.status")
			.isEqualTo("DEGRADED")
			.jsonPath("$.components.connections.components.acme.components.slack.details.detail")
			.isEqualTo("auth.test answered invalid_auth: the bot token was revoked; reinstall the app");
		this.web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void connectionsOfAnUnknownTenantAre404AndOfAKnownOneListEachConfiguredSystem() {
		this.web.get()
			.uri("/api/v1/tenants/globex/connections")
			.headers((h) -> h.setBearerAuth(VIEWER))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("No tenant 'globex' is configured");
		this.web.get()
			.uri("/api/v1/tenants/acme/connections")
			.headers((h) -> h.setBearerAuth(VIEWER))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.connections[?(@.system == 'gusto')].status")
			.isEqualTo("UP")
			.jsonPath("$.connections[?(@.system == 'slack')].status")
			.isEqualTo("DOWN")
			.jsonPath("$.connections[?(@.system == 'slack')].detail")
			.isEqualTo("auth.test answered invalid_auth: the bot token was revoked; reinstall the app");
	}

	@Test
	void theAuditTrailIsPagedAndFilteredBySubject() {
		long dead = inboxEvent("DEAD");
		this.web.post()
			.uri("/api/v1/inbox/{id}/replay", dead)
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.exchange()
			.expectStatus()
			.isOk();
		this.web.get()
			.uri("/api/v1/audit?subject=inbox:{id}&page=0&size=10", dead)
			.headers((h) -> h.setBearerAuth(VIEWER))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.events.length()")
			.isEqualTo(1)
			.jsonPath("$.events[0].actor")
			.isEqualTo("ops:operator")
			.jsonPath("$.events[0].action")
			.isEqualTo("inbox.replay");
	}

	private long launch(String job, Map<String, String> parameters) {
		Map<?, ?> launched = this.web.post()
			.uri("/api/v1/jobs/{job}/launch", job)
			.headers((h) -> h.setBearerAuth(OPERATOR))
			.bodyValue(Map.of("parameters", parameters))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) launched.get("executionId")).longValue();
	}

	private void awaitStatus(long executionId, BatchStatus status) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.jobRepository.getJobExecution(executionId).getStatus() == status);
	}

	private long inboxEvent(String status) {
		String uuid = UUID.randomUUID().toString();
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		this.jdbc
			.sql("INSERT INTO inbox_event (source, tenant, event_uuid, event_type, received_at, content_type, "
					+ "payload, status, attempts, updated_at) VALUES ('GUSTO', 'acme', ?, 'payroll.processed', ?, "
					+ "'application/json', '{}', ?, 8, ?)")
			.params(uuid, now, status, now)
			.update();
		return this.jdbc.sql("SELECT id FROM inbox_event WHERE event_uuid = ?").param(uuid).query(Long.class).single();
	}

	record FixedCheck(String system, boolean ok, String detail) implements ConnectionCheck {

		@Override
		public boolean appliesTo(Tenant tenant) {
			return true;
		}

		@Override
		public Mono<Result> check(Tenant tenant) {
			return Mono.just(new Result(this.system, this.ok, Duration.ofMillis(12), this.detail));
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Jobs {

		@Bean
		ConnectionCheck fakeGustoCheck() {
			return new FixedCheck("gusto", true, "token_info answered for company 5df911a0");
		}

		@Bean
		ConnectionCheck fakeSlackCheck() {
			return new FixedCheck("slack", false,
					"auth.test answered invalid_auth: the bot token was revoked; reinstall the app");
		}

		@Bean
		Job fakePostingJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
			DefaultJobParametersValidator validator = new DefaultJobParametersValidator(
					new String[] { "tenant", "payrollUuid" }, new String[0]);
			return new JobBuilder("fakePostingJob", jobRepository).validator(validator)
				.start(new StepBuilder("fakePostingStep", jobRepository).tasklet((contribution, context) -> {
					if (failNextPosting.getAndSet(false)) {
						throw new IllegalStateException("IFS answered 503 Service Unavailable");
					}
					vouchersPosted.incrementAndGet();
					return RepeatStatus.FINISHED;
				}, transactionManager).build())
				.build();
		}

		@Bean
		Job longRunningJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
			return new JobBuilder("longRunningJob", jobRepository)
				.start(new StepBuilder("longRunningStep", jobRepository).tasklet((contribution, context) -> {
					Thread.sleep(50);
					return keepRunning.get() ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
				}, transactionManager).build())
				.build();
		}

	}

}
