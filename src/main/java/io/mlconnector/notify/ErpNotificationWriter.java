package io.mlconnector.notify;

import java.time.Instant;

import io.mlconnector.ifs.IfsWatermarks;
import io.mlconnector.slack.SlackClient;
import io.mlconnector.tenant.IfsEntitySet;
import io.mlconnector.tenant.Tenant;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The writer of {@code erpNotificationStep}: puts each record's notification in Slack
 * ({@link ErpNotifier}). Slack's 429s and 5xx are retried by the Slack connector; what
 * still fails fails the step, and a restart of the execution goes on from the last commit
 * (the records of the failed chunk are claimed or shown already, so none is posted
 * twice). When the step completes, the watermark moves to the latest change read.
 */
// not final: step-scoped beans are class-based proxies
class ErpNotificationWriter implements ItemWriter<ErpNotification>, StepExecutionListener {

	private final Tenant tenant;

	private final SlackClient slack;

	private final ErpNotifier notifier;

	private final IfsWatermarks watermarks;

	private final IfsEntitySet set;

	private final Instant since;

	private long executionId;

	ErpNotificationWriter(Tenant tenant, SlackClient slack, ErpNotifier notifier, IfsWatermarks watermarks,
			IfsEntitySet set, Instant since) {
		this.tenant = tenant;
		this.slack = slack;
		this.notifier = notifier;
		this.watermarks = watermarks;
		this.set = set;
		this.since = since;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.executionId = stepExecution.getJobExecutionId();
	}

	@Override
	public void write(Chunk<? extends ErpNotification> notifications) {
		for (ErpNotification notification : notifications) {
			this.notifier.notify(this.tenant, this.slack, notification, this.executionId);
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus().isUnsuccessful()) {
			return stepExecution.getExitStatus();
		}
		String latest = stepExecution.getExecutionContext().containsKey(ErpRecordProcessor.LATEST)
				? stepExecution.getExecutionContext().getString(ErpRecordProcessor.LATEST) : null;
		boolean moved = latest != null
				&& this.watermarks.advance(this.tenant.id(), this.set, this.since, Instant.parse(latest));
		return stepExecution.getExitStatus()
			.addExitDescription(stepExecution.getReadCount() + " changed record(s), " + stepExecution.getWriteCount()
					+ " notified, " + stepExecution.getFilterCount() + " not notifiable (see slack_message); watermark "
					+ (moved ? "moved to " + latest : "stays at " + this.since));
	}

}
