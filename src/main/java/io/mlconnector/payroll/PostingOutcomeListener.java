package io.mlconnector.payroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Records how a posting ended: POSTED once every voucher is in IFS, FAILED with the
 * reason otherwise (every problem of a rejected plan, one per line), and an audit event
 * either way.
 */
final class PostingOutcomeListener implements JobExecutionListener {

	private final PayrollPostings postings;

	private final AuditTrail audit;

	PostingOutcomeListener(PayrollPostings postings, AuditTrail audit) {
		this.postings = postings;
		this.audit = audit;
	}

	@Override
	public void afterJob(JobExecution execution) {
		PostingKey key = PostingParameters.key(execution.getJobParameters());
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			if (!key.dryRun() && this.postings.completeIfAllPosted(key)) {
				this.audit.record(key.tenant(), PayrollPlanTasklet.ACTOR, "payroll.posting.posted",
						PostingParameters.subject(key), AuditOutcome.SUCCESS,
						Map.of("jobExecutionId", execution.getId()));
			}
			return;
		}
		List<String> problems = new ArrayList<>();
		for (Throwable failure : execution.getAllFailureExceptions()) {
			if (failure instanceof PostingRejectedException rejected) {
				problems.addAll(rejected.problems());
			}
			else {
				problems.add(failure.getClass().getSimpleName() + ": " + failure.getMessage());
			}
		}
		String error = String.join("\n", problems);
		this.postings.failed(key, error, execution.getId());
		this.audit.record(key.tenant(), PayrollPlanTasklet.ACTOR, "payroll.posting.failed",
				PostingParameters.subject(key), AuditOutcome.FAILURE,
				Map.of("jobExecutionId", execution.getId(), "problems", problems));
	}

}
