/**
 * IFS Cloud to Slack notifications and approvals from Slack.
 */
package io.mlconnector.notify;
