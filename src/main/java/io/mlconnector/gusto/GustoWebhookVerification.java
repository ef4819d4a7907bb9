package io.mlconnector.gusto;

import java.util.List;

import io.mlconnector.secrets.Secret;
import io.mlconnector.tenant.GustoConnection;
import reactor.core.publisher.Mono;

/**
 * The Gusto side of the webhook subscription handshake. When a subscription is created,
 * Gusto POSTs {@code {"verification_token": ...}} (unsigned) to the webhook URL; the
 * token is then the HMAC key of every delivery.
 */
public interface GustoWebhookVerification {

	/**
	 * Completes the handshake with a token received from Gusto: calls {@code PUT
	 * /v1/webhook_subscriptions/{uuid}/verify} and stores the token (encrypted) only if
	 * Gusto accepted it, so an unsigned POST by anyone else cannot plant a token.
	 * @param verificationToken the token from the POST
	 * @return completes when the token is verified and stored; errors when Gusto refused
	 * it
	 */
	Mono<Void> accept(Secret verificationToken);

	/**
	 * The verified tokens, current first, that signatures are checked against in addition
	 * to the configured ones: only tokens of this service's own subscriptions, each
	 * scoped to its Gusto application, without tokens retired after a newer one replaced
	 * them. Loaded from the database off the event loop and cached briefly; while a
	 * reload runs, or when it fails, the last list loaded is served.
	 * @return the tokens
	 */
	Mono<List<GustoWebhookToken>> verificationTokens();

	/**
	 * The Gusto application of a tenant's connection: tenants with the same base URL and
	 * client id share webhook subscriptions and their tokens.
	 * @param connection the tenant's Gusto connection
	 * @return the application's key
	 */
	static String application(GustoConnection connection) {
		return connection.baseUrl() + "|" + connection.clientId();
	}

}
