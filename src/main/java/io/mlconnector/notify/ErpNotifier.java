package io.mlconnector.notify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.slack.PostedMessage;
import io.mlconnector.slack.SlackApiException;
import io.mlconnector.slack.SlackClient;
import io.mlconnector.slack.SlackErrorKind;
import io.mlconnector.slack.SlackMessage;
import io.mlconnector.tenant.Tenant;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts one IFS record's notification in Slack: the first version is posted to the kind's
 * channel; a later version updates that message in place ({@code chat.update}) and
 * replies in its thread with what changed; the version already shown is not sent again.
 * The record's row in {@code slack_message} is claimed before Slack is called, so two
 * runs, or a run and its restart, never post a record twice: a claim whose outcome is
 * unknown (the run died between Slack's answer and the record of it) is reported FAILED
 * for an operator rather than posted again.
 */
public final class ErpNotifier {

	static final String ACTOR = "erpNotificationJob";

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
	};

	private final SlackMessages messages;

	private final AuditTrail audit;

	private final MeterRegistry meters;

	private final JsonMapper json;

	ErpNotifier(SlackMessages messages, AuditTrail audit, MeterRegistry meters, JsonMapper json) {
		this.messages = messages;
		this.audit = audit;
		this.meters = meters;
		this.json = json;
	}

	/**
	 * Notifies a record's version.
	 * @param tenant the tenant
	 * @param slack the tenant's Slack client
	 * @param notification the record's notification
	 * @param executionId the job execution
	 * @return what was done
	 */
	public Outcome notify(Tenant tenant, SlackClient slack, ErpNotification notification, long executionId) {
		ErpRecordKind kind = notification.kind();
		String etag = (String) notification.metadata().payload().get("etag");
		String channel = tenant.slack().map((connection) -> kind.channel(connection.channels())).orElse(null);
		if (channel == null) {
			return count(tenant, kind, Outcome.NO_CHANNEL);
		}
		SlackMessages.Stored stored = this.messages.find(tenant.id(), kind, notification.key()).orElse(null);
		if (stored != null && "POSTED".equals(stored.status()) && etag != null && etag.equals(stored.etag())) {
			return count(tenant, kind, Outcome.UNCHANGED);
		}
		if (!this.messages.claim(tenant.id(), kind, notification.key(), etag, executionId)) {
			String reason = "a post of " + kind.title().toLowerCase(Locale.ROOT) + " " + notification.key()
					+ " to Slack was claimed earlier and its outcome is unknown: look in channel " + channel
					+ " for a message with metadata key " + notification.key()
					+ " before this record is notified again";
			audit(tenant, notification, channel, null, AuditOutcome.FAILURE, reason);
			return count(tenant, kind, Outcome.UNKNOWN);
		}
		try {
			if (stored == null || stored.ts() == null) {
				PostedMessage posted = slack.post(notification.message(channel, 1)).block(TIMEOUT);
				this.messages.posted(tenant.id(), kind, notification.key(), etag, posted.channel(), posted.ts(), 1,
						fields(notification.fields()));
				audit(tenant, notification, posted.channel(), posted.ts(), AuditOutcome.SUCCESS, "posted");
				return count(tenant, kind, Outcome.POSTED);
			}
			int version = stored.version() + 1;
			PostedMessage message = new PostedMessage(stored.channel(), stored.ts(), null);
			slack.update(message, notification.message(stored.channel(), version)).block(TIMEOUT);
			List<String> changes = ErpNotificationFormatter.changes(fields(stored.fields()), notification.fields());
			if (!changes.isEmpty()) {
				slack
					.post(SlackMessage.text(stored.channel(), "Changed in IFS: " + String.join("; ", changes))
						.inThread(stored.ts()))
					.block(TIMEOUT);
			}
			this.messages.posted(tenant.id(), kind, notification.key(), etag, stored.channel(), stored.ts(), version,
					fields(notification.fields()));
			audit(tenant, notification, stored.channel(), stored.ts(), AuditOutcome.SUCCESS,
					changes.isEmpty() ? "updated" : "updated: " + String.join("; ", changes));
			return count(tenant, kind, Outcome.UPDATED);
		}
		catch (RuntimeException ex) {
			boolean newPost = stored == null || stored.ts() == null;
			if (newPost && !refused(ex)) {
				// Slack may have posted it (a timeout, a 5xx after the retries): the
				// claim
				// stays, so the record is reported, never posted a second time
				audit(tenant, notification, channel, null, AuditOutcome.FAILURE,
						"outcome unknown, the claim stays: " + ex.getMessage());
				throw ex;
			}
			this.messages.failed(tenant.id(), kind, notification.key(), etag,
					"Slack did not take the message: " + ex.getMessage(), executionId);
			audit(tenant, notification, channel, (stored != null) ? stored.ts() : null, AuditOutcome.FAILURE,
					ex.getMessage());
			throw ex;
		}
	}

	/**
	 * Whether Slack answered and refused (a channel, credential, content or update
	 * error): nothing was posted, and the next version may try again.
	 */
	private static boolean refused(RuntimeException ex) {
		return ex instanceof SlackApiException api && api.kind() != SlackErrorKind.TRANSIENT
				&& api.kind() != SlackErrorKind.OTHER;
	}

	private void audit(Tenant tenant, ErpNotification notification, String channel, String ts, AuditOutcome outcome,
			String what) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("channel", (channel != null) ? channel : "");
		detail.put("ts", (ts != null) ? ts : "");
		detail.put("what", what);
		this.audit.record(tenant.id(), ACTOR,
				"notify.message." + ((outcome == AuditOutcome.SUCCESS) ? "sent" : "failed"),
				notification.kind().id() + ":" + notification.key(), outcome, detail);
	}

	private Outcome count(Tenant tenant, ErpRecordKind kind, Outcome outcome) {
		this.meters
			.counter("mlc.notify.messages", "tenant", tenant.id(), "kind", kind.id(), "outcome",
					outcome.name().toLowerCase(Locale.ROOT))
			.increment();
		return outcome;
	}

	private String fields(Map<String, String> fields) {
		return this.json.writeValueAsString(fields);
	}

	private Map<String, String> fields(String fields) {
		return (fields != null) ? this.json.readValue(fields, FIELDS) : Map.of();
	}

	/**
	 * What notifying a record's version did.
	 */
	public enum Outcome {

		/** Posted as a new message. */
		POSTED,

		/** The record's message was updated and what changed replied in its thread. */
		UPDATED,

		/** Slack already shows this version. */
		UNCHANGED,

		/** The tenant has no channel for the kind: nothing is posted. */
		NO_CHANNEL,

		/** An earlier post's outcome is unknown: not posted again, reported. */
		UNKNOWN

	}

}
