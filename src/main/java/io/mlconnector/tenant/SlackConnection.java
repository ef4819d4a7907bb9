package io.mlconnector.tenant;

import java.net.URI;

import io.mlconnector.secrets.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenant's Slack workspace and the ml-connector app installed in it.
 *
 * @param apiUrl Slack Web API root
 * @param teamId workspace id ({@code T...}); inbound commands and buttons are routed to
 * the tenant by it
 * @param botToken bot token ({@code xoxb-...}); set it from an environment variable
 * @param signingSecret the app's signing secret, used to verify inbound requests; set it
 * from an environment variable
 * @param channels channel ids per kind of notification
 */
public record SlackConnection(@DefaultValue("https://slack.com/api") @NotNull URI apiUrl,
		@NotBlank(message = "set the Slack workspace id (T...)") String teamId,
		@NotNull(
				message = "set the bot token from an environment variable, e.g. bot-token: ${SLACK_BOT_TOKEN}") Secret botToken,
		@NotNull(
				message = "set the signing secret from an environment variable, e.g. signing-secret: ${SLACK_SIGNING_SECRET}") Secret signingSecret,
		@Valid @DefaultValue Channels channels) {

	static final String CHANNEL_ID = "[CG][A-Z0-9]{2,}";

	static final String CHANNEL_MESSAGE = "use the channel id (C... or G..., from the channel's details), not its name";

	/**
	 * Channel ids per kind of notification. A kind without a channel is not posted.
	 *
	 * @param supplierInvoices supplier invoices awaiting authorization
	 * @param purchaseOrders purchase orders
	 * @param paymentProposals payment proposals
	 * @param vouchers GL vouchers, including the payroll vouchers ml-connector posts
	 * @param reconciliation nightly reconciliation summaries
	 * @param alerts failures an operator must act on (for example "reconnect Gusto")
	 */
	public record Channels(@Pattern(regexp = CHANNEL_ID, message = CHANNEL_MESSAGE) String supplierInvoices,
			@Pattern(regexp = CHANNEL_ID, message = CHANNEL_MESSAGE) String purchaseOrders,
			@Pattern(regexp = CHANNEL_ID, message = CHANNEL_MESSAGE) String paymentProposals,
			@Pattern(regexp = CHANNEL_ID, message = CHANNEL_MESSAGE) String vouchers,
			@Pattern(regexp = CHANNEL_ID, message = CHANNEL_MESSAGE) String reconciliation,
			@Pattern(regexp = CHANNEL_ID, message = CHANNEL_MESSAGE) String alerts) {

	}

}
