package io.mlconnector.gusto;

import io.mlconnector.secrets.Secret;

/**
 * A webhook verification token Gusto confirmed, scoped to the subscription and Gusto
 * application it verified: it verifies deliveries only for the companies of that
 * application's tenants.
 *
 * @param token the HMAC key of the subscription's deliveries
 * @param application the Gusto application (base URL and client id, see
 * {@link GustoWebhookVerification#application})
 * @param subscriptionUuid the subscription the token verified
 */
public record GustoWebhookToken(Secret token, String application, String subscriptionUuid) {

}
