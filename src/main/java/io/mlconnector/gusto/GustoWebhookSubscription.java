package io.mlconnector.gusto;

import java.util.List;

/**
 * A webhook subscription [SPEC {@code Webhook-Subscription}].
 *
 * @param uuid the subscription
 * @param url where events go
 * @param status {@code pending}, {@code verified}, {@code removed} or {@code unreachable}
 * @param subscriptionTypes entity types subscribed to
 */
public record GustoWebhookSubscription(String uuid, String url, String status, List<String> subscriptionTypes) {

	public GustoWebhookSubscription {
		subscriptionTypes = (subscriptionTypes != null) ? subscriptionTypes : List.of();
	}

}
