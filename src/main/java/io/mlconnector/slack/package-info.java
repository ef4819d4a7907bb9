/**
 * Slack Web API through the official Java SDK
 * ({@link io.mlconnector.slack.SlackClients}), bot tokens in the encrypted store, Block
 * Kit notifications ({@link io.mlconnector.slack.SlackNotification}), typed errors and
 * the request signature that the inbox verifies.
 */
package io.mlconnector.slack;
