package io.mlconnector.slack;

/**
 * A message Slack accepted: {@code channel} plus {@code ts} identify it for
 * {@code chat.update} and as a thread parent [SPECS-2021]; store both.
 *
 * @param channel the channel id Slack answered
 * @param ts the message's timestamp id, for example {@code 1503435956.000247}
 * @param threadTs the thread parent's {@code ts}, or {@code null} for a top-level message
 */
public record PostedMessage(String channel, String ts, String threadTs) {

}
