package io.mlconnector.ops;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mlconnector.gusto.GustoApiException;
import io.mlconnector.gusto.GustoNotConnectedException;
import io.mlconnector.gusto.GustoWebhookSubscription;
import io.mlconnector.gusto.GustoWebhookSubscriptions;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/v1/gusto/webhook-subscription}: creates the Gusto webhook subscription
 * for this service's URL, or updates its types. Gusto then POSTs the verification token,
 * which completes the handshake.
 */
@RestController
@RequestMapping("/api/v1/gusto/webhook-subscription")
class GustoWebhookSubscriptionController {

	private static final Duration GUSTO_TIMEOUT = Duration.ofMinutes(2);

	private final GustoWebhookSubscriptions subscriptions;

	private final OperatorActions actions;

	GustoWebhookSubscriptionController(GustoWebhookSubscriptions subscriptions, OperatorActions actions) {
		this.subscriptions = subscriptions;
		this.actions = actions;
	}

	/**
	 * The body of a subscription command; every field is optional.
	 *
	 * @param tenant the tenant; the first tenant with a Gusto connection when absent
	 * @param url the public URL of {@code /webhooks/gusto}; {@code mlc.gusto.webhook-url}
	 * when absent
	 * @param subscriptionTypes the entity types; {@code mlc.gusto.subscription-types}
	 * when absent
	 */
	record SubscriptionRequest(String tenant, String url,
			@JsonProperty("subscription_types") List<String> subscriptionTypes) {

	}

	@PutMapping
	Mono<GustoWebhookSubscription> subscribe(@RequestBody(required = false) SubscriptionRequest body,
			Authentication who) {
		SubscriptionRequest request = (body != null) ? body : new SubscriptionRequest(null, null, null);
		return this.actions.act(who, "gusto.webhook.subscribe", "gusto-subscription", request.tenant(), () -> {
			try {
				return this.subscriptions.subscribe(request.tenant(), request.url(), request.subscriptionTypes())
					.block(GUSTO_TIMEOUT);
			}
			catch (IllegalArgumentException ex) {
				throw Problems.badRequest(ex.getMessage());
			}
			catch (GustoApiException ex) {
				throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
			}
			catch (GustoNotConnectedException ex) {
				throw Problems.conflict(ex.getMessage());
			}
		});
	}

}
