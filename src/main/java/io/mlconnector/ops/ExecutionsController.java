package io.mlconnector.ops;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.mlconnector.batch.AsyncJobLauncher;
import reactor.core.publisher.Mono;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job executions: list, inspect, restart, stop, abandon.
 */
@RestController
@RequestMapping("/api/v1/executions")
class ExecutionsController {

	private static final int MAX_LIMIT = 500;

	private final JdbcClient jdbc;

	private final JobRepository jobRepository;

	private final AsyncJobLauncher launcher;

	private final OperatorActions actions;

	ExecutionsController(JdbcClient jdbc, JobRepository jobRepository, AsyncJobLauncher launcher,
			OperatorActions actions) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
		this.launcher = launcher;
		this.actions = actions;
	}

	@GetMapping
	Mono<List<ExecutionViews.Summary>> list(@RequestParam(required = false) String job,
			@RequestParam(required = false) BatchStatus status, @RequestParam(required = false) String tenant,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw Problems.badRequest("limit must be between 1 and " + MAX_LIMIT);
		}
		return this.actions.read(() -> this.jdbc.sql("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, "
				+ "e.CREATE_TIME, e.START_TIME, e.END_TIME, (SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p "
				+ "WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'tenant' LIMIT 1) AS TENANT "
				+ "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
				+ "WHERE (:job IS NULL OR i.JOB_NAME = :job) AND (:status IS NULL OR e.STATUS = :status) "
				+ "AND (:tenant IS NULL OR EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS t "
				+ "WHERE t.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND t.PARAMETER_NAME = 'tenant' AND t.PARAMETER_VALUE = :tenant)) "
				+ "ORDER BY e.JOB_EXECUTION_ID DESC LIMIT :limit")
			.param("job", job)
			.param("status", (status != null) ? status.name() : null)
			.param("tenant", tenant)
			.param("limit", limit)
			.query((rs, row) -> new ExecutionViews.Summary(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString("TENANT"), rs.getObject(5, LocalDateTime.class),
					rs.getObject(6, LocalDateTime.class), rs.getObject(7, LocalDateTime.class)))
			.list());
	}

	@GetMapping("/{id}")
	Mono<ExecutionViews.Detail> get(@PathVariable long id) {
		return this.actions.read(() -> detail(require(id)));
	}

	@PostMapping("/{id}/restart")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ExecutionViews.Launched> restart(@PathVariable long id, Authentication who) {
		return this.actions.act(who, "execution.restart", "execution:" + id, null, () -> {
			JobExecution execution = require(id);
			BatchStatus status = execution.getStatus();
			if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
				throw Problems.conflict("Execution " + id + " of " + execution.getJobInstance().getJobName() + " is "
						+ status + "; only FAILED or STOPPED executions are restarted"
						+ ((status == BatchStatus.COMPLETED) ? " (a completed job instance never runs twice)" : ""));
			}
			try {
				long restarted = this.launcher.restart(id);
				return new ExecutionViews.Launched(restarted, require(restarted).getStatus().name());
			}
			catch (JobInstanceAlreadyCompleteException ex) {
				throw Problems.conflict("The job instance of execution " + id + " has completed since");
			}
			catch (NoSuchJobException ex) {
				throw Problems.conflict("Job " + execution.getJobInstance().getJobName()
						+ " is not known to this service version, so it cannot be restarted here");
			}
		});
	}

	@PostMapping("/{id}/stop")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Map<String, Object>> stop(@PathVariable long id, Authentication who) {
		return this.actions.act(who, "execution.stop", "execution:" + id, null, () -> {
			require(id);
			try {
				this.launcher.stop(id);
				return Map.of("executionId", id, "status", "STOPPING");
			}
			catch (JobExecutionNotRunningException ex) {
				throw Problems.conflict("Execution " + id + " is not running, so it cannot be stopped");
			}
			catch (OptimisticLockingFailureException ex) {
				throw Problems.conflict(
						"Execution " + id + " kept committing while it was being stopped; " + "ask again in a moment");
			}
		});
	}

	@PostMapping("/{id}/abandon")
	Mono<Map<String, Object>> abandon(@PathVariable long id, Authentication who) {
		return this.actions.act(who, "execution.abandon", "execution:" + id, null, () -> {
			JobExecution execution = require(id);
			if (execution.isRunning()) {
				throw Problems
					.conflict("Execution " + id + " is " + execution.getStatus() + "; stop it before abandoning it");
			}
			JobExecution abandoned = this.launcher.abandon(id);
			return Map.of("executionId", id, "status", abandoned.getStatus().name());
		});
	}

	private JobExecution require(long id) {
		JobExecution execution;
		try {
			execution = this.jobRepository.getJobExecution(id);
		}
		catch (EmptyResultDataAccessException ex) {
			execution = null;
		}
		if (execution == null) {
			throw Problems.notFound("There is no job execution " + id);
		}
		return execution;
	}

	private static ExecutionViews.Detail detail(JobExecution execution) {
		Map<String, String> parameters = new LinkedHashMap<>();
		List<String> identifying = new ArrayList<>();
		for (JobParameter<?> parameter : execution.getJobParameters()) {
			parameters.put(parameter.name(), String.valueOf(parameter.value()));
			if (parameter.identifying()) {
				identifying.add(parameter.name());
			}
		}
		// the repository keeps failures as exit descriptions (stack traces): show their
		// first lines
		List<String> failures = Stream
			.concat(Stream.of(execution.getExitStatus()),
					execution.getStepExecutions().stream().map(StepExecution::getExitStatus))
			.map(ExitStatus::getExitDescription)
			.filter((description) -> description != null && !description.isBlank())
			.map((description) -> description.lines().findFirst().orElse(description))
			.map((line) -> line.replaceFirst("^[\\w.$]*\\.(\\w+(Exception|Error)):", "$1:"))
			.distinct()
			.toList();
		List<ExecutionViews.Step> steps = execution.getStepExecutions()
			.stream()
			.map(ExecutionsController::step)
			.toList();
		return new ExecutionViews.Detail(execution.getId(), execution.getJobInstance().getInstanceId(),
				execution.getJobInstance().getJobName(), parameters, identifying, execution.getStatus().name(),
				execution.getExitStatus().getExitCode(), execution.getExitStatus().getExitDescription(),
				execution.getStartTime(), execution.getEndTime(), failures, steps);
	}

	private static ExecutionViews.Step step(StepExecution step) {
		return new ExecutionViews.Step(step.getStepName(), step.getStatus().name(), step.getExitStatus().getExitCode(),
				step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getReadSkipCount(),
				step.getProcessSkipCount(), step.getWriteSkipCount(), step.getCommitCount(), step.getRollbackCount(),
				step.getStartTime(), step.getEndTime());
	}

}
