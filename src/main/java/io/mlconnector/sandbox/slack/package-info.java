/**
 * The Slack sandbox under {@code /sandbox/slack} (profile {@code sandbox}): the Web API
 * methods ml-connector calls, response URLs, Slack's rate limits, and Slack's role as the
 * sender of signed slash commands, button clicks and events.
 */
package io.mlconnector.sandbox.slack;
