/**
 * Slack Web API (official Java SDK), request signatures and Block Kit formatting.
 */
package io.mlconnector.slack;
