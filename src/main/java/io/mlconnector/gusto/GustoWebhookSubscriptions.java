package io.mlconnector.gusto;

import java.util.List;

import io.mlconnector.tenant.GustoConnection;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Creates the Gusto webhook subscription for this service's URL, or updates its types,
 * with the real handshake: the handshake is expected before Gusto is asked (Gusto may
 * POST the verification token before it answers), and tied to the subscription once Gusto
 * named it. The operator API's {@code PUT /api/v1/gusto/webhook-subscription} calls this.
 */
public final class GustoWebhookSubscriptions {

	private final GustoClient client;

	private final Tenants tenants;

	private final GustoProperties properties;

	private final WebhookHandshakes handshakes;

	GustoWebhookSubscriptions(GustoClient client, Tenants tenants, GustoProperties properties,
			WebhookHandshakes handshakes) {
		this.client = client;
		this.tenants = tenants;
		this.properties = properties;
		this.handshakes = handshakes;
	}

	/**
	 * Subscribes.
	 * @param tenant the tenant, or {@code null} for the first tenant with a Gusto
	 * connection
	 * @param url the public URL of {@code /webhooks/gusto}, or {@code null} for
	 * {@code mlc.gusto.webhook-url}
	 * @param types the subscription types, or {@code null} for
	 * {@code mlc.gusto.subscription-types}
	 * @return the subscription as Gusto answered; an {@link IllegalArgumentException}
	 * saying what to give when the tenant or URL is missing, a {@link GustoApiException}
	 * when Gusto refused, a {@link GustoNotConnectedException} when the tenant has not
	 * connected Gusto yet
	 */
	public Mono<GustoWebhookSubscription> subscribe(String tenant, String url, List<String> types) {
		String tenantId = (tenant != null) ? tenant
				: this.tenants.all()
					.stream()
					.filter((candidate) -> candidate.gusto().isPresent())
					.map(Tenant::id)
					.findFirst()
					.orElse(null);
		GustoConnection connection = (tenantId != null)
				? this.tenants.find(tenantId).flatMap(Tenant::gusto).orElse(null) : null;
		if (connection == null) {
			return Mono.error(new IllegalArgumentException("name a tenant with a Gusto connection in \"tenant\""));
		}
		String target = (url != null) ? url
				: (this.properties.webhookUrl() != null) ? this.properties.webhookUrl().toString() : null;
		if (target == null || !target.startsWith("http")) {
			return Mono.error(new IllegalArgumentException(
					"give the public URL of /webhooks/gusto in \"url\" or set mlc.gusto.webhook-url"));
		}
		List<String> subscriptionTypes = (types != null) ? types : this.properties.subscriptionTypes();
		return Mono
			.fromCallable(() -> this.handshakes.expect(tenantId, GustoWebhookVerification.application(connection),
					target, this.properties.handshakeWindow()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((handshake) -> this.client.subscribe(tenantId, target, subscriptionTypes)
				.flatMap((subscription) -> Mono
					.fromRunnable(() -> this.handshakes.identified(handshake, subscription.uuid()))
					.subscribeOn(Schedulers.boundedElastic())
					.thenReturn(subscription)));
	}

}
