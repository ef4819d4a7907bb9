package io.mlconnector.batch;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.launch.NoSuchJobExecutionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Starts jobs on a bounded task executor and returns at once with the new execution
 * (status STARTING): webhooks, the dispatcher and the operator API never wait for a job.
 * Boot's own {@link JobOperator} stays synchronous for tests and tools.
 */
public class AsyncJobLauncher implements DisposableBean {

	private static final int STOP_ATTEMPTS = 5;

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

	/**
	 * Restarts a failed or stopped execution: a new execution of the same instance that
	 * continues from the last committed chunk.
	 * @param executionId the failed or stopped execution
	 * @return the new execution's id
	 * @throws JobInstanceAlreadyCompleteException if the instance completed
	 * @throws NoSuchJobExecutionException if there is no such execution
	 * @throws NoSuchJobException if the job is not known to this service
	 * @throws JobRestartException if the job may not be restarted
	 * @throws InvalidJobParametersException if the parameters are no longer valid
	 */
	public long restart(long executionId) throws JobInstanceAlreadyCompleteException, NoSuchJobExecutionException,
			NoSuchJobException, JobRestartException, InvalidJobParametersException {
		return this.jobOperator.restart(executionId);
	}

	/**
	 * Asks a running execution to stop after its current chunk.
	 * @param executionId the execution
	 * @return whether the stop was signalled
	 * @throws NoSuchJobExecutionException if there is no such execution
	 * @throws JobExecutionNotRunningException if it is not running
	 */
	public boolean stop(long executionId) throws NoSuchJobExecutionException, JobExecutionNotRunningException {
		for (int attempt = 1;; attempt++) {
			try {
				return this.jobOperator.stop(executionId);
			}
			catch (OptimisticLockingFailureException ex) {
				// the running step committed a chunk while the stop marked its step
				// execution: read the new version and mark it again
				if (attempt == STOP_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Marks a stopped or failed execution ABANDONED, so it is never restarted.
	 * @param executionId the execution
	 * @return the abandoned execution
	 * @throws NoSuchJobExecutionException if there is no such execution
	 * @throws JobExecutionAlreadyRunningException if it is running
	 */
	public JobExecution abandon(long executionId)
			throws NoSuchJobExecutionException, JobExecutionAlreadyRunningException {
		return this.jobOperator.abandon(executionId);
	}

}
