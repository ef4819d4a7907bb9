package io.mlconnector.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mlconnector.slack.SlackMessage;
import io.mlconnector.slack.SlackMetadata;
import io.mlconnector.slack.SlackNotification;

/**
 * An IFS record's notification, before it is posted.
 *
 * @param kind the record's kind
 * @param key the record's key ({@link ErpNotificationFormatter#key})
 * @param notification header, fields and the link, as Block Kit
 * @param fields the fields shown, label to value, to compare with the next version
 * @param metadata the record's key as Slack message metadata
 * @param url the record in IFS, or {@code null}
 */
public record ErpNotification(ErpRecordKind kind, String key, SlackNotification notification,
		Map<String, String> fields, SlackMetadata metadata, String url) {

	public ErpNotification {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * The message to post, or to put in place of the one posted before.
	 * @param channel the channel id
	 * @param version the message's iteration (1 when first posted), for the block ids
	 * @return the message
	 */
	public SlackMessage message(String channel, int version) {
		return this.notification.toMessage(channel, this.kind.id() + "_" + this.key, version, this.metadata);
	}

}
