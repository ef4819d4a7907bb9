package io.mlconnector.gusto;

import java.util.List;
import java.util.Map;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.tenant.GustoConnection;
import io.mlconnector.tenant.Tenants;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code PUT /api/v1/gusto/webhook-subscription} (operator token): creates the Gusto
 * webhook subscription for this service's URL, or updates its types. Body (all optional):
 * {@code {"tenant": "acme", "url": "https://…/webhooks/gusto", "subscription_types":
 * ["Payroll", …]}}; defaults from {@code mlc.gusto.webhook-url} and
 * {@code mlc.gusto.subscription-types}. Gusto then POSTs the verification token, which
 * completes the handshake.
 */
class GustoSubscriptionCommand {

	private final GustoClient client;

	private final Tenants tenants;

	private final GustoProperties properties;

	private final AuditTrail audit;

	private final WebhookHandshakes handshakes;

	GustoSubscriptionCommand(GustoClient client, Tenants tenants, GustoProperties properties, AuditTrail audit,
			WebhookHandshakes handshakes) {
		this.handshakes = handshakes;
		this.client = client;
		this.tenants = tenants;
		this.properties = properties;
		this.audit = audit;
	}

	Mono<ServerResponse> subscribe(ServerRequest request) {
		return request.bodyToMono(JsonNode.class)
			.defaultIfEmpty(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode())
			.flatMap((body) -> {
				String tenant = body.path("tenant").isString() ? body.path("tenant").asString()
						: this.tenants.all()
							.stream()
							.filter((t) -> t.gusto().isPresent())
							.map((t) -> t.id())
							.findFirst()
							.orElse(null);
				if (tenant == null || this.tenants.find(tenant).flatMap((t) -> t.gusto()).isEmpty()) {
					return problem(HttpStatus.BAD_REQUEST, "name a tenant with a Gusto connection in \"tenant\"");
				}
				String url = body.path("url").isString() ? body.path("url").asString()
						: (this.properties.webhookUrl() != null) ? this.properties.webhookUrl().toString() : null;
				if (url == null || !url.startsWith("http")) {
					return problem(HttpStatus.BAD_REQUEST,
							"give the public URL of /webhooks/gusto in \"url\" " + "or set mlc.gusto.webhook-url");
				}
				List<String> types = body.path("subscription_types").isArray()
						? body.path("subscription_types").valueStream().map(JsonNode::asString).toList()
						: this.properties.subscriptionTypes();
				GustoConnection connection = this.tenants.find(tenant).flatMap((t) -> t.gusto()).orElseThrow();
				// expected before the subscription exists: Gusto may POST the token
				// before it answers
				return Mono
					.fromCallable(() -> this.handshakes.expect(tenant, GustoWebhookVerification.application(connection),
							url, this.properties.handshakeWindow()))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap((handshake) -> this.client.subscribe(tenant, url, types)
						.flatMap((subscription) -> Mono
							.fromRunnable(() -> this.handshakes.identified(handshake, subscription.uuid()))
							.subscribeOn(Schedulers.boundedElastic())
							.thenReturn(subscription)))
					.flatMap((subscription) -> Mono
						.fromRunnable(() -> this.audit.record(tenant, "operator", "gusto.webhook.subscribe",
								"gusto-subscription:" + subscription.uuid(), AuditOutcome.SUCCESS,
								Map.of("url", url, "status", String.valueOf(subscription.status()))))
						.subscribeOn(Schedulers.boundedElastic())
						.then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(subscription)))
					.onErrorResume(GustoApiException.class,
							(ex) -> problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage()))
					.onErrorResume(GustoNotConnectedException.class,
							(ex) -> problem(HttpStatus.CONFLICT, ex.getMessage()));
			});
	}

	private static Mono<ServerResponse> problem(HttpStatus status, String detail) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(Map.of("title", status.getReasonPhrase(), "status", status.value(), "detail", detail));
	}

}
