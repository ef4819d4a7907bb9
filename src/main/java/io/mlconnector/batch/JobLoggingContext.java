package io.mlconnector.batch;

import java.util.Map;

import org.slf4j.MDC;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Puts the tenant and the job execution id into the logging context (MDC) of the thread
 * that runs a job or a step, so every log line written inside a job carries both.
 * Registered on every job and step bean by {@link JobLoggingContextPostProcessor}.
 */
public final class JobLoggingContext implements JobExecutionListener, StepExecutionListener {

	/** MDC key of the tenant id. */
	public static final String TENANT = "tenant";

	/** MDC key of the job execution id. */
	public static final String JOB_EXECUTION_ID = "jobExecutionId";

	/** Name of the job parameter that holds the tenant id in every tenant-scoped job. */
	public static final String TENANT_PARAMETER = "tenant";

	private final ThreadLocal<Map<String, String>> beforeStep = new ThreadLocal<>();

	@Override
	public void beforeJob(JobExecution jobExecution) {
		put(jobExecution);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		clear();
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		// steps may run on other threads (partitions, parallel flows): set the context
		// there
		// too, and restore that thread's previous context afterwards
		this.beforeStep.set(MDC.getCopyOfContextMap());
		put(stepExecution.getJobExecution());
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		Map<String, String> previous = this.beforeStep.get();
		this.beforeStep.remove();
		if (previous != null) {
			MDC.setContextMap(previous);
		}
		else {
			MDC.clear();
		}
		return null;
	}

	private static void put(JobExecution jobExecution) {
		MDC.put(JOB_EXECUTION_ID, String.valueOf(jobExecution.getId()));
		String tenant = jobExecution.getJobParameters().getString(TENANT_PARAMETER);
		if (tenant != null) {
			MDC.put(TENANT, tenant);
		}
		else {
			MDC.remove(TENANT);
		}
	}

	private static void clear() {
		MDC.remove(JOB_EXECUTION_ID);
		MDC.remove(TENANT);
	}

}
