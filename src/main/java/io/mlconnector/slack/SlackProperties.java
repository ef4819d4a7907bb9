package io.mlconnector.slack;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How ml-connector talks to Slack, for every tenant (per-tenant settings are in
 * {@code mlc.tenants.<id>.slack}). Slack applies its limits "per API method per
 * workspace/team per app" [DOC rate-limits], so every budget below is per tenant's
 * workspace.
 *
 * @param messagesPerChannel {@code chat.postMessage} permits per channel in each
 * {@code channel-window}: Slack documents "one message per second per channel" [DOC]
 * @param channelWindow the window of {@code messages-per-channel}; one second as Slack
 * documents, shorter only in tests
 * @param postMessagesPerMinute {@code chat.postMessage} permits per minute for the whole
 * workspace; Slack has a workspace-wide limit whose number is not published [NOT FOUND],
 * so this is ml-connector's assumption
 * @param tier2PerMinute permits per minute of a Tier 2 method (Slack: "20+ per minute")
 * @param tier3PerMinute permits per minute of a Tier 3 method such as {@code chat.update}
 * and {@code conversations.info} (Slack: "50+ per minute")
 * @param tier4PerMinute permits per minute of a Tier 4 method such as {@code users.info}
 * and {@code auth.test} (Slack: "100+ per minute")
 * @param tierWindow the window of the tier limits; one minute as Slack documents, shorter
 * only in tests
 * @param requestTimeout longest wait for one Slack response; a timeout is retried except
 * for {@code chat.postMessage}, whose retry could post the message twice
 * @param maxRetries retries of a call after 429 (honouring {@code Retry-After}), a
 * transient {@code ok:false} error or a connection failure
 * @param connectionCheck whether the Slack connection check ({@code auth.test}) runs for
 * health and the operator API (tests that supply their own check switch it off)
 */
@ConfigurationProperties("mlc.slack")
@Validated
public record SlackProperties(@DefaultValue("1") @Min(1) int messagesPerChannel,
		@DefaultValue("1s") Duration channelWindow, @DefaultValue("300") @Min(1) int postMessagesPerMinute,
		@DefaultValue("20") @Min(1) int tier2PerMinute, @DefaultValue("50") @Min(1) int tier3PerMinute,
		@DefaultValue("100") @Min(1) int tier4PerMinute, @DefaultValue("1m") Duration tierWindow,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("5") @Min(0) int maxRetries,
		@DefaultValue("true") boolean connectionCheck) {

}
