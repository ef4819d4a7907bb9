package io.mlconnector.sandbox.slack;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Slack sandbox ({@code mlc.sandbox.slack.*}, profile {@code sandbox}). Numbers Slack
 * does not publish are marked as assumptions.
 *
 * @param teamId the one workspace's id
 * @param teamName the workspace's name
 * @param botToken the bot token the sandbox accepts (scopes {@code chat:write},
 * {@code users:read}, {@code channels:read}); {@code MLC_SANDBOX_SLACK_BOT_TOKEN}
 * @param signingSecret the app's signing secret the sandbox signs its requests to the
 * service with; {@code MLC_SANDBOX_SLACK_SIGNING_SECRET}
 * @param serviceUrl where the sandbox sends commands, clicks and events (the service's
 * {@code /slack/*} endpoints)
 * @param messagesPerChannel {@code chat.postMessage} per channel per
 * {@code channel-window}: "one message per second per channel" [DOC]
 * @param channelWindow the window of {@code messages-per-channel}
 * @param channelBurst messages a channel takes at once above its pace ("short bursts
 * &gt;1 allowed" [DOC]; the size is an assumption)
 * @param postMessagesPerMinute the workspace-wide {@code chat.postMessage} limit (not
 * published: an assumption); 0 switches it off
 * @param tier3PerMinute Tier 3 limit ({@code chat.update}, {@code conversations.info}); 0
 * switches it off
 * @param tier4PerMinute Tier 4 limit ({@code users.info}, {@code auth.test}); 0 switches
 * it off
 * @param rateLimitedError the error string of a 429: {@code ratelimited} (the SDKs) or
 * {@code rate_limited} (the 2021 OpenAPI enum)
 * @param responseUrlUses uses of a {@code response_url} (5 [SDK])
 * @param responseUrlLifetime lifetime of a {@code response_url} (30 minutes [SDK])
 * @param ackTimeout how long Slack waits for the service's answer (3 s [SDK])
 * @param eventRetryDelays waits before the Events API's retries 1..3 ("immediately, 1
 * minute, 5 minutes" [3P]; compressed in tests)
 */
@ConfigurationProperties("mlc.sandbox.slack")
record SlackSandboxProperties(@DefaultValue("TSANDBOX01") String teamId,
		@DefaultValue("Sandbox Workspace") String teamName, @DefaultValue("sandbox-bot-token") String botToken,
		@DefaultValue("sandbox-signing-secret") String signingSecret,
		@DefaultValue("http://localhost:8080") URI serviceUrl, @DefaultValue("1") int messagesPerChannel,
		@DefaultValue("1s") Duration channelWindow, @DefaultValue("3") int channelBurst,
		@DefaultValue("600") int postMessagesPerMinute, @DefaultValue("50") int tier3PerMinute,
		@DefaultValue("100") int tier4PerMinute, @DefaultValue("ratelimited") String rateLimitedError,
		@DefaultValue("5") int responseUrlUses, @DefaultValue("30m") Duration responseUrlLifetime,
		@DefaultValue("3s") Duration ackTimeout, @DefaultValue( {
				"0s", "1m", "5m" }) List<Duration> eventRetryDelays){

}
