package io.mlconnector.inbox;

/**
 * Who sent an inbox event.
 */
public enum InboxSource {

	/** Gusto webhooks and events pulled by the catch-up. */
	GUSTO,

	/** Slack slash commands, interactions and Events API callbacks. */
	SLACK

}
