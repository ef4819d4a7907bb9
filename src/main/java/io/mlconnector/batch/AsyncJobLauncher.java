package io.mlconnector.batch;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Starts jobs on a bounded task executor and returns at once with the new execution
 * (status STARTING): webhooks, the dispatcher and the operator API never wait for a job.
 * Boot's own {@link JobOperator} stays synchronous for tests and tools.
 * <p>
 * Every execution started or restarted here is recorded as owned by this instance
 * ({@code batch_execution_owner}), so that {@link StaleExecutionRecovery} marks it FAILED
 * if this instance dies while it runs.
 */
public class AsyncJobLauncher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AsyncJobLauncher.class);

	private static final int STOP_ATTEMPTS = 5;

	private final JobOperator jobOperator;

	private final ThreadPoolTaskExecutor executor;

	private final JobRepository jobRepository;

	private final InstanceHeartbeat instance;

	AsyncJobLauncher(JobOperator jobOperator, ThreadPoolTaskExecutor executor, JobRepository jobRepository,
			InstanceHeartbeat instance) {
		this.jobOperator = jobOperator;
		this.executor = executor;
		this.jobRepository = jobRepository;
		this.instance = instance;
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
		JobExecution execution = this.jobOperator.start(job, parameters);
		own(execution.getId());
		return execution;
	}

	/**
	 * The running (STARTING, STARTED or STOPPING) execution of a job instance, as
	 * {@link #start} finds when it throws {@link JobExecutionAlreadyRunningException}.
	 * @param job the job
	 * @param parameters its identifying business keys
	 * @return the running execution, or empty if none runs (any more)
	 */
	public Optional<JobExecution> runningExecution(Job job, JobParameters parameters) {
		return Optional.ofNullable(this.jobRepository.getLastJobExecution(job.getName(), parameters))
			.filter(JobExecution::isRunning);
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
		long restarted = this.jobOperator.restart(executionId);
		own(restarted);
		return restarted;
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

	/**
	 * Marks an execution whose instance died FAILED, with its running step executions,
	 * through Spring Batch's {@link JobOperator#recover(JobExecution)}.
	 * @param execution the execution, read from the job repository
	 * @return the recovered execution
	 * @throws OptimisticLockingFailureException if the execution changed since it was
	 * read: it is not dead, or another instance recovered it first
	 */
	JobExecution recover(JobExecution execution) {
		return this.jobOperator.recover(execution);
	}

	private void own(long executionId) {
		try {
			this.instance.own(executionId);
		}
		catch (DataAccessException ex) {
			// the job runs anyway; without an owner it is recovered only after
			// mlc.batch.recovery.unowned-stale-after of silence
			logger.warn("Job execution {} launched, but its owner ({}) was not recorded: {}", executionId,
					this.instance.id(), ex.getMessage());
		}
	}

}
