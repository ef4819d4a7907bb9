/**
 * Webhook endpoints (Gusto, Slack), the durable inbox and the dispatcher that launches
 * jobs.
 */
package io.mlconnector.inbox;
