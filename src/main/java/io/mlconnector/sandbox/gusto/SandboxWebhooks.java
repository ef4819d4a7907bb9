package io.mlconnector.sandbox.gusto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Webhook subscriptions and deliveries as Gusto documents them: a new subscription is
 * {@code pending} and gets an unsigned {@code {"verification_token": …}} POST; after
 * {@code PUT …/verify} with that token it is {@code verified} and receives thin events,
 * signed with HMAC-SHA256 of the raw body keyed with the token in
 * {@code X-Gusto-Signature} (ASSUMPTION: header name and lowercase hex; base64 is
 * configurable). A delivery not answered 2xx within the timeout is retried with
 * exponential backoff up to the attempt limit, then the subscription becomes
 * {@code unreachable} (ASSUMPTION). Options: duplicate and out-of-order delivery.
 */
final class SandboxWebhooks {

	private static final Logger logger = LoggerFactory.getLogger(SandboxWebhooks.class);

	private final WebClient web;

	private final JsonMapper json;

	private final Clock clock;

	private final GustoSandboxProperties properties;

	private final String verificationToken;

	final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

	final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

	final AtomicLong deliveries = new AtomicLong();

	final AtomicLong failedDeliveries = new AtomicLong();

	volatile boolean duplicate;

	volatile boolean reorder;

	volatile Duration firstRetry;

	volatile Duration maxRetryDelay;

	private Held held;

	SandboxWebhooks(WebClient web, JsonMapper json, Clock clock, GustoSandboxProperties properties,
			String verificationToken) {
		this.web = web;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.verificationToken = verificationToken;
		this.firstRetry = properties.webhookFirstRetry();
		this.maxRetryDelay = properties.webhookMaxRetryDelay();
	}

	String verificationToken() {
		return this.verificationToken;
	}

	Subscription create(String url, List<String> types) {
		Subscription subscription = new Subscription(UUID.randomUUID().toString(), url, new ArrayList<>(types));
		this.subscriptions.put(subscription.uuid, subscription);
		sendVerificationToken(subscription, Duration.ofMillis(200));
		return subscription;
	}

	void sendVerificationToken(Subscription subscription, Duration delay) {
		byte[] body = this.json.writeValueAsBytes(Map.of("verification_token", this.verificationToken));
		// unsigned (ASSUMPTION: Gusto does not say whether it signs this POST)
		Mono.delay(delay)
			.then(post(subscription.url, body, null))
			.subscribe((ok) -> logger.info("Sandbox Gusto sent the verification token to {}: {}", subscription.url,
					ok ? "accepted" : "refused"));
	}

	boolean verify(String uuid, String token) {
		Subscription subscription = this.subscriptions.get(uuid);
		if (subscription == null || token == null || !this.verificationToken.equals(token)) {
			return false;
		}
		subscription.status = "verified";
		return true;
	}

	void emit(String company, String eventType, String entityType, String entityUuid) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("uuid", UUID.randomUUID().toString());
		event.put("event_type", eventType);
		event.put("resource_type", "Company");
		event.put("resource_uuid", company);
		event.put("entity_type", entityType);
		event.put("entity_uuid", entityUuid);
		event.put("timestamp", this.clock.instant().getEpochSecond());
		this.events.add(event);
		byte[] body = this.json.writeValueAsBytes(event);
		for (Subscription subscription : this.subscriptions.values()) {
			boolean wanted = subscription.types.contains(entityType) || "company.provisioned".equals(eventType);
			if ("verified".equals(subscription.status) && wanted) {
				dispatch(subscription, body);
			}
		}
	}

	private synchronized void dispatch(Subscription subscription, byte[] body) {
		if (this.reorder && this.held == null) {
			this.held = new Held(subscription, body);
			return;
		}
		deliver(subscription, body, 1);
		if (this.duplicate) {
			deliver(subscription, body, 1);
		}
		if (this.held != null) {
			Held late = this.held;
			this.held = null;
			deliver(late.subscription(), late.body(), 1);
		}
	}

	private void deliver(Subscription subscription, byte[] body, int attempt) {
		post(subscription.url, body, sign(body)).subscribe((ok) -> {
			this.deliveries.incrementAndGet();
			if (ok) {
				return;
			}
			this.failedDeliveries.incrementAndGet();
			if (attempt >= this.properties.webhookAttempts()) {
				subscription.status = "unreachable";
				logger.warn("Sandbox Gusto gave up delivering to {} after {} attempts", subscription.url, attempt);
				return;
			}
			Duration delay = this.firstRetry.multipliedBy(1L << Math.min(attempt - 1, 20));
			if (delay.compareTo(this.maxRetryDelay) > 0) {
				delay = this.maxRetryDelay;
			}
			Mono.delay(delay).subscribe((tick) -> deliver(subscription, body, attempt + 1));
		});
	}

	private Mono<Boolean> post(String url, byte[] body, String signature) {
		WebClient.RequestBodySpec request = this.web.post().uri(url).contentType(MediaType.APPLICATION_JSON);
		if (signature != null) {
			request.header("X-Gusto-Signature", signature);
		}
		return request.bodyValue(body)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()))
			.timeout(this.properties.webhookTimeout())
			.onErrorReturn(false);
	}

	String sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.verificationToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal(body);
			return "base64".equalsIgnoreCase(this.properties.signatureEncoding())
					? Base64.getEncoder().encodeToString(digest) : HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final class Subscription {

		final String uuid;

		final String url;

		volatile List<String> types;

		volatile String status = "pending";

		Subscription(String uuid, String url, List<String> types) {
			this.uuid = uuid;
			this.url = url;
			this.types = types;
		}

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("uuid", this.uuid);
			json.put("url", this.url);
			json.put("status", this.status);
			json.put("subscription_types", this.types);
			return json;
		}

	}

	private record Held(Subscription subscription, byte[] body) {

	}

	static final Set<String> TYPES = Set.of("BankAccount", "Company", "CompanyBenefit", "Contractor",
			"ContractorPayment", "Employee", "EmployeeBenefit", "EmployeeJobCompensation", "ExternalPayroll", "Form",
			"Location", "Notification", "Payroll", "PayrollSync", "PaySchedule", "PeopleBatch", "Signatory");

}
