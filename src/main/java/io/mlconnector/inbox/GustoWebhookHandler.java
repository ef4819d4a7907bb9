package io.mlconnector.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.mlconnector.gusto.GustoWebhookSignature;
import io.mlconnector.gusto.GustoWebhookToken;
import io.mlconnector.gusto.GustoWebhookVerification;
import io.mlconnector.gusto.WebhookHandshakeRefusedException;
import io.mlconnector.secrets.Secret;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code POST /webhooks/gusto}: verifies the signature over the raw bytes, resolves the
 * tenant from the event's company and stores the event; answers 200 only once it is
 * committed.
 */
class GustoWebhookHandler {

	private final InboxWriter writer;

	private final InboxRejections rejections;

	private final Tenants tenants;

	private final JsonMapper json;

	private final Clock clock;

	private final InboxProperties properties;

	private final InboxMetrics metrics;

	private final RequestBodies bodies;

	private final Optional<GustoWebhookVerification> verification;

	GustoWebhookHandler(RequestBodies bodies, InboxWriter writer, InboxRejections rejections, Tenants tenants,
			JsonMapper json, Clock clock, InboxProperties properties, InboxMetrics metrics,
			Optional<GustoWebhookVerification> verification) {
		this.bodies = bodies;
		this.writer = writer;
		this.rejections = rejections;
		this.tenants = tenants;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.metrics = metrics;
		this.verification = verification;
	}

	Mono<ServerResponse> receive(ServerRequest request) {
		Instant received = this.clock.instant();
		return Mono.fromRunnable(() -> RequestBodies.requireContentType(request, MediaType.APPLICATION_JSON))
			.then(this.bodies.read(request))
			.flatMap((body) -> handle(request, body, received))
			.onErrorResume(InboxRequestException.class,
					(ex) -> this.rejections.reject(InboxSource.GUSTO, request, ex, received))
			.onErrorResume(InboxBusyException.class, (ex) -> InboxResponses.busy(InboxSource.GUSTO, this.metrics));
	}

	private Mono<ServerResponse> handle(ServerRequest request, byte[] body, Instant received) {
		String signature = signature(request);
		if (signature == null) {
			Optional<Secret> handshake = verificationToken(body);
			if (handshake.isPresent()) {
				return handshake(handshake.get());
			}
		}
		Mono<List<GustoWebhookToken>> stored = this.verification.map(GustoWebhookVerification::verificationTokens)
			.orElse(Mono.just(List.of()));
		return stored.flatMap((verified) -> {
			if (verified.isEmpty() && this.properties.gustoVerificationTokens().isEmpty()) {
				throw new InboxRequestException(HttpStatus.UNAUTHORIZED, "no_verification_token",
						"no Gusto verification token is configured (mlc.inbox.gusto-verification-tokens), "
								+ "so no delivery can be verified");
			}
			if (signature == null) {
				throw new InboxRequestException(HttpStatus.UNAUTHORIZED, "signature_missing",
						"the X-Gusto-Signature header is missing");
			}
			// configured tokens are the operator's and unscoped; verified tokens are
			// scoped to the Gusto application whose subscription they verified
			boolean configured = this.properties.gustoVerificationTokens()
				.stream()
				.anyMatch((token) -> GustoWebhookSignature.matches(body, signature, token));
			GustoWebhookToken scoped = configured ? null
					: verified.stream()
						.filter((token) -> GustoWebhookSignature.matches(body, signature, token.token()))
						.findFirst()
						.orElse(null);
			if (!configured && scoped == null) {
				throw new InboxRequestException(HttpStatus.UNAUTHORIZED, "signature_mismatch",
						"the X-Gusto-Signature does not match the body");
			}
			InboxEntry entry = entry(body, received);
			if (scoped != null && entry.tenant() != null
					&& !this.tenants.find(entry.tenant())
						.flatMap(Tenant::gusto)
						.map(GustoWebhookVerification::application)
						.filter(scoped.application()::equals)
						.isPresent()) {
				throw new InboxRequestException(HttpStatus.UNAUTHORIZED, "token_not_for_company",
						"the delivery is signed with the verification token of another Gusto application "
								+ "than the one tenant " + entry.tenant() + " is connected through");
			}
			return this.writer.store(entry).flatMap((result) -> {
				this.metrics.received(InboxSource.GUSTO, entry.eventType(), result, received);
				return InboxResponses.stored(result);
			});
		});
	}

	/**
	 * The subscription handshake: an unsigned {@code {"verification_token": ...}}, handed
	 * to the Gusto connector, which stores the token only if Gusto confirms it.
	 */
	private Mono<ServerResponse> handshake(Secret token) {
		if (this.verification.isEmpty()) {
			throw new InboxRequestException(HttpStatus.NOT_IMPLEMENTED, "handshake_unsupported",
					"this service cannot complete Gusto's webhook handshake; configure the token as "
							+ "mlc.inbox.gusto-verification-tokens instead");
		}
		return this.verification.get()
			.accept(token)
			.then(ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(java.util.Map.of("status", "verified")))
			.onErrorMap(WebhookHandshakeRefusedException.class,
					(ex) -> new InboxRequestException(
							ex.retryLater() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED, ex.reason(),
							ex.getMessage()))
			.onErrorMap((ex) -> !(ex instanceof InboxRequestException),
					(ex) -> new InboxRequestException(HttpStatus.UNAUTHORIZED, "verification_token_refused",
							"Gusto did not confirm the verification token"));
	}

	private Optional<Secret> verificationToken(byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			if (node != null && node.isObject() && node.size() == 1 && node.path("verification_token").isString()
					&& !node.path("verification_token").asString().isBlank()) {
				return Optional.of(new Secret(node.path("verification_token").asString()));
			}
		}
		catch (JacksonException ex) {
			// not a handshake; the signature check answers
		}
		return Optional.empty();
	}

	private InboxEntry entry(byte[] body, Instant received) {
		JsonNode event = parse(body);
		String uuid = required(event, "uuid");
		String type = required(event, "event_type");
		String resourceType = required(event, "resource_type");
		String resourceUuid = required(event, "resource_uuid");
		JsonNode timestamp = event.get("timestamp");
		if (timestamp == null || !timestamp.canConvertToLong()) {
			throw malformed("timestamp must be seconds since the epoch");
		}
		String tenantId = null;
		InboxStatus status = InboxStatus.RECEIVED;
		String reason = null;
		Tenant tenant = "Company".equals(resourceType) ? this.tenants.findByGustoCompany(resourceUuid).orElse(null)
				: null;
		if (tenant == null) {
			status = InboxStatus.IGNORED;
			reason = "no tenant is configured for Gusto " + resourceType + " " + resourceUuid
					+ "; add it as mlc.tenants.<id>.gusto.company-uuid and replay the event";
		}
		else {
			tenantId = tenant.id();
			if (!tenant.enabled()) {
				status = InboxStatus.IGNORED;
				reason = "tenant " + tenant.id() + " is disabled";
			}
		}
		return new InboxEntry(InboxSource.GUSTO, tenantId, uuid, type, text(event, "entity_type"),
				text(event, "entity_uuid"), Instant.ofEpochSecond(timestamp.asLong()), received, "application/json",
				new String(body, StandardCharsets.UTF_8), status, reason);
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			if (node == null || !node.isObject()) {
				throw malformed("the body is not a JSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw malformed("the body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static String required(JsonNode event, String field) {
		String value = text(event, field);
		if (value == null || value.isBlank()) {
			throw malformed("the event has no " + field);
		}
		return value;
	}

	private static String text(JsonNode event, String field) {
		JsonNode value = event.get(field);
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	private static InboxRequestException malformed(String message) {
		return new InboxRequestException(HttpStatus.BAD_REQUEST, "malformed_event", message);
	}

	private static String signature(ServerRequest request) {
		for (String name : GustoWebhookSignature.HEADER_NAMES) {
			String value = request.headers().firstHeader(name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
