package io.mlconnector.ops;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.batch.JobLoggingContext;
import io.mlconnector.tenant.Tenants;
import reactor.core.publisher.Mono;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Launches a job on demand, asynchronously, with validated parameters.
 */
@RestController
@RequestMapping("/api/v1/jobs")
class JobsController {

	private final Map<String, Job> jobs;

	private final AsyncJobLauncher launcher;

	private final Tenants tenants;

	private final OperatorActions actions;

	JobsController(List<Job> jobs, AsyncJobLauncher launcher, Tenants tenants, OperatorActions actions) {
		this.jobs = jobs.stream().collect(java.util.stream.Collectors.toMap(Job::getName, (job) -> job));
		this.launcher = launcher;
		this.tenants = tenants;
		this.actions = actions;
	}

	/**
	 * The body of a launch: identifying parameters as strings.
	 *
	 * @param parameters the job's parameters, e.g. {@code tenant}, {@code payrollUuid}
	 */
	record LaunchRequest(Map<String, String> parameters) {

	}

	@PostMapping("/{jobName}/launch")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ExecutionViews.Launched> launch(@PathVariable String jobName,
			@RequestBody(required = false) LaunchRequest body, Authentication who) {
		Map<String, String> parameters = (body != null && body.parameters() != null) ? body.parameters() : Map.of();
		String tenant = parameters.get(JobLoggingContext.TENANT_PARAMETER);
		return this.actions.act(who, "job.launch", "job:" + jobName, tenant, () -> {
			Job job = this.jobs.get(jobName);
			if (job == null) {
				throw Problems.badRequest(
						"There is no job named '" + jobName + "'; known jobs: " + new TreeSet<>(this.jobs.keySet()));
			}
			if (tenant != null && this.tenants.find(tenant).isEmpty()) {
				throw Problems.badRequest("Parameter 'tenant': no tenant '" + tenant + "' is configured");
			}
			JobParametersBuilder builder = new JobParametersBuilder();
			parameters.forEach(builder::addString);
			JobParameters jobParameters = builder.toJobParameters();
			try {
				job.getJobParametersValidator().validate(jobParameters);
				JobExecution execution = this.launcher.start(job, jobParameters);
				return new ExecutionViews.Launched(execution.getId(), execution.getStatus().name());
			}
			catch (InvalidJobParametersException ex) {
				throw Problems.badRequest("Invalid parameters for " + jobName + ": " + ex.getMessage());
			}
			catch (JobInstanceAlreadyCompleteException ex) {
				throw Problems.conflict(jobName + " already completed for these parameters; a completed job "
						+ "instance never runs twice");
			}
			catch (JobExecutionAlreadyRunningException ex) {
				throw Problems.conflict(jobName + " is already running for these parameters");
			}
		});
	}

}
