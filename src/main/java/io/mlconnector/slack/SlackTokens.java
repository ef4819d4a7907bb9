package io.mlconnector.slack;

import java.time.Clock;
import java.util.Map;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.secrets.GrantStatus;
import io.mlconnector.secrets.IssuedTokens;
import io.mlconnector.secrets.OAuthGrant;
import io.mlconnector.secrets.OAuthTokenStore;
import io.mlconnector.secrets.Secret;
import io.mlconnector.tenant.SlackConnection;
import io.mlconnector.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants' bot tokens in the encrypted token store ({@code oauth_token}, provider
 * {@code SLACK}, account = the workspace id). A bot token does not expire (unless token
 * rotation is turned on for the app, which ml-connector does not use), so there is no
 * refresh: the configured {@code bot-token} is stored encrypted on first use and read
 * from the store from then on. A token Slack refuses ({@code invalid_auth},
 * {@code token_revoked}, ...) marks the grant RECONNECT_REQUIRED, audited, and is not
 * sent again until a different bot token is configured.
 * <p>
 * The calls here block (JDBC); callers run them off the event loop.
 */
class SlackTokens {

	static final String PROVIDER = "SLACK";

	private static final Logger logger = LoggerFactory.getLogger(SlackTokens.class);

	private final OAuthTokenStore store;

	private final AuditTrail audit;

	private final Clock clock;

	SlackTokens(OAuthTokenStore store, AuditTrail audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The tenant's usable bot token.
	 * @param tenant the tenant
	 * @param method the call it is for (named in a failure)
	 * @return the token
	 * @throws SlackApiException if Slack refused this token before
	 */
	Secret botToken(Tenant tenant, String method) {
		SlackConnection slack = connection(tenant);
		OAuthGrant grant = this.store.find(tenant.id(), PROVIDER).orElse(null);
		if (grant == null || grant.accessToken() == null || !grant.accessToken().matches(slack.botToken().value())
				|| !slack.teamId().equals(grant.externalAccount())) {
			// first use, or an operator configured a new token: store it encrypted
			grant = this.store.connect(tenant.id(), PROVIDER, slack.teamId(),
					new IssuedTokens(slack.botToken(), null, null, null));
		}
		if (grant.status() != GrantStatus.ACTIVE) {
			String reason = (grant.statusReason() != null) ? grant.statusReason() : "invalid_auth";
			throw new SlackApiException(tenant.id(), method, reason.split(" ", 2)[0],
					"Slack refused this bot token before (" + reason + "); it is not sent again");
		}
		return grant.accessToken();
	}

	/**
	 * Records that Slack refused a token.
	 * @param tenant the tenant
	 * @param token the refused token
	 * @param error Slack's error code
	 */
	void refused(Tenant tenant, Secret token, String error) {
		OAuthGrant grant = this.store.find(tenant.id(), PROVIDER).orElse(null);
		if (grant == null || grant.accessToken() == null || !grant.accessToken().matches(token.value())) {
			return;
		}
		String reason = error + " on " + this.clock.instant();
		if (this.store.requireReconnect(tenant.id(), PROVIDER, grant.version(), reason)) {
			logger.error("Slack refused the bot token of tenant {} ({}): {}", tenant.id(), error,
					SlackErrorKind.fix(error, tenant.id()));
			this.audit.record(tenant.id(), "slack-connector", "slack.token.refused", "tenant:" + tenant.id() + ":slack",
					AuditOutcome.FAILURE, Map.of("error", error, "status", GrantStatus.RECONNECT_REQUIRED.name(),
							"action", SlackErrorKind.fix(error, tenant.id())));
		}
	}

	static SlackConnection connection(Tenant tenant) {
		return tenant.slack()
			.orElseThrow(() -> new IllegalArgumentException("tenant " + tenant.id()
					+ " has no Slack connection configured (mlc.tenants." + tenant.id() + ".slack)"));
	}

}
