package io.mlconnector.notify;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.ifs.IfsEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * The processor of {@code erpNotificationStep}: formats each changed record
 * ({@link ErpNotificationFormatter}). A record that cannot be formatted (no key, an
 * amount that is not one) is recorded FAILED in {@code slack_message} with the reason and
 * left out, so one bad record never stops the channel. Keeps the latest change timestamp
 * of the committed chunks in the step's execution context: the watermark the poll moves
 * to.
 */
// not final: step-scoped beans are class-based proxies
class ErpRecordProcessor implements ItemProcessor<IfsEntity, ErpNotification>, ItemStream {

	static final String LATEST = "erp.latest";

	private static final Logger logger = LoggerFactory.getLogger(ErpRecordProcessor.class);

	private final String tenant;

	private final ErpRecordKind kind;

	private final ErpNotificationFormatter formatter;

	private final String changeTimestamp;

	private final SlackMessages messages;

	private final MeterRegistry meters;

	private final long executionId;

	private Instant pendingLatest;

	ErpRecordProcessor(String tenant, ErpRecordKind kind, ErpNotificationFormatter formatter, String changeTimestamp,
			SlackMessages messages, MeterRegistry meters, long executionId) {
		this.tenant = tenant;
		this.kind = kind;
		this.formatter = formatter;
		this.changeTimestamp = changeTimestamp;
		this.messages = messages;
		this.meters = meters;
		this.executionId = executionId;
	}

	@Override
	public ErpNotification process(IfsEntity record) {
		this.meters.counter("mlc.notify.records", "tenant", this.tenant, "kind", this.kind.id()).increment();
		Instant changed = record.instant(this.changeTimestamp);
		if (changed != null && (this.pendingLatest == null || changed.isAfter(this.pendingLatest))) {
			this.pendingLatest = changed;
		}
		try {
			return this.formatter.format(this.kind, record);
		}
		catch (IllegalArgumentException ex) {
			String key;
			try {
				key = ErpNotificationFormatter.key(this.kind, record);
			}
			catch (IllegalArgumentException noKey) {
				key = "unkeyed";
			}
			logger.warn("{} {} of tenant {} not notified: {}", this.kind.title(), key, this.tenant, ex.getMessage());
			this.messages.failed(this.tenant, this.kind, key, (record.etag() != null) ? record.etag().value() : null,
					"cannot be notified: " + ex.getMessage(), this.executionId);
			return null;
		}
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.pendingLatest != null) {
			Instant saved = context.containsKey(LATEST) ? Instant.parse(context.getString(LATEST)) : null;
			if (saved == null || this.pendingLatest.isAfter(saved)) {
				context.putString(LATEST, this.pendingLatest.toString());
			}
		}
	}

}
