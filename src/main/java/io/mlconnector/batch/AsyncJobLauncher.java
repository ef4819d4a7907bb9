package io.mlconnector.batch;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Starts jobs on a bounded task executor and returns at once with the new execution
 * (status STARTING): webhooks, the dispatcher and the operator API never wait for a job.
 * Boot's own {@link JobOperator} stays synchronous for tests and tools.
 */
public class AsyncJobLauncher implements DisposableBean {

	private final JobOperator jobOperator;

	private final ThreadPoolTaskExecutor executor;

	AsyncJobLauncher(JobOperator jobOperator, ThreadPoolTaskExecutor executor) {
		this.jobOperator = jobOperator;
		this.executor = executor;
	}

	@Override
	public void destroy() {
		// running jobs get up to the configured time to finish their chunk
		this.executor.shutdown();
	}

	/**
	 * Starts a job instance, or restarts it if its last execution failed or stopped.
	 * @param job the job
	 * @param parameters its identifying business keys
	 * @return the new execution
	 * @throws JobInstanceAlreadyCompleteException if the instance completed before
	 * @throws JobExecutionAlreadyRunningException if an execution of the instance is
	 * running
	 * @throws JobRestartException if the job may not be restarted
	 * @throws InvalidJobParametersException if the job's validator refuses the parameters
	 */
	public JobExecution start(Job job, JobParameters parameters) throws JobInstanceAlreadyCompleteException,
			JobExecutionAlreadyRunningException, JobRestartException, InvalidJobParametersException {
		return this.jobOperator.start(job, parameters);
	}

}
