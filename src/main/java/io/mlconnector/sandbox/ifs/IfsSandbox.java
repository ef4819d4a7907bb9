package io.mlconnector.sandbox.ifs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The simulator's HTTP front: the IAM token endpoint and the projection services under
 * {@code /sandbox/ifs/{main|int|b2b}/ifsapplications/projection/v1/}, with bearer-token
 * checks, the optional rate limit and injected faults in front of {@link ODataService}.
 */
final class IfsSandbox {

	private static final Logger logger = LoggerFactory.getLogger(IfsSandbox.class);

	static final String PROJECTIONS = "/ifsapplications/projection/v1/";

	private final IfsSandboxProperties properties;

	private final ODataService service;

	private final BatchProcessor batch;

	private final SandboxTokens tokens;

	private final SandboxFaults faults;

	private final SandboxRateLimit rateLimit;

	private final AtomicLong requests = new AtomicLong();

	private final Map<String, AtomicLong> requestsByMethod = new ConcurrentHashMap<>();

	IfsSandbox(IfsSandboxProperties properties, ODataService service, SandboxTokens tokens, SandboxFaults faults,
			SandboxRateLimit rateLimit) {
		this.properties = properties;
		this.service = service;
		this.batch = new BatchProcessor(service);
		this.tokens = tokens;
		this.faults = faults;
		this.rateLimit = rateLimit;
	}

	ODataService service() {
		return this.service;
	}

	SandboxTokens tokens() {
		return this.tokens;
	}

	SandboxFaults faults() {
		return this.faults;
	}

	SandboxRateLimit rateLimit() {
		return this.rateLimit;
	}

	/**
	 * OData requests answered since start (or the last reset), faults and 401/429
	 * included, token requests excluded.
	 * @return the count
	 */
	long requests() {
		return this.requests.get();
	}

	/**
	 * The requests of {@link #requests()} by HTTP method ({@code $batch} is a POST).
	 * @return the counts
	 */
	Map<String, Long> requestsByMethod() {
		Map<String, Long> counts = new TreeMap<>();
		this.requestsByMethod.forEach((method, count) -> counts.put(method, count.get()));
		return counts;
	}

	void resetCounters() {
		this.requests.set(0);
		this.requestsByMethod.clear();
	}

	// ---- IAM ----------------------------------------------------------------------

	Mono<ServerResponse> token(ServerRequest request) {
		String realm = request.pathVariable("realm");
		if (!realm.equals(this.properties.realm())) {
			return ServerResponse.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("error", "Realm does not exist"));
		}
		return request.formData().flatMap((form) -> {
			String[] basic = basicCredentials(request.headers().firstHeader("Authorization"));
			String clientId = (basic != null) ? basic[0] : form.getFirst("client_id");
			String secret = (basic != null) ? basic[1] : form.getFirst("client_secret");
			if (!this.properties.clientId().equals(clientId) || !this.properties.clientSecret().equals(secret)) {
				return oauthError(HttpStatus.UNAUTHORIZED, "unauthorized_client",
						"Invalid client or Invalid client credentials");
			}
			String grant = String.valueOf(form.getFirst("grant_type"));
			return switch (grant) {
				case "client_credentials" ->
					ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(this.tokens.issue());
				case "refresh_token" -> this.tokens.refresh(form.getFirst("refresh_token"))
						? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(this.tokens.issue())
						: oauthError(HttpStatus.BAD_REQUEST, "invalid_grant", "Invalid refresh token");
				default -> oauthError(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
						"Unsupported grant_type " + grant + "; use client_credentials or refresh_token");
			};
		});
	}

	private static Mono<ServerResponse> oauthError(HttpStatus status, String error, String description) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("error", error, "error_description", description));
	}

	private static String[] basicCredentials(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
				StandardCharsets.UTF_8);
		int colon = decoded.indexOf(':');
		return (colon < 0) ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
	}

	// ---- projections --------------------------------------------------------------

	Mono<ServerResponse> odata(ServerRequest request) {
		this.requests.incrementAndGet();
		this.requestsByMethod.computeIfAbsent(request.method().name(), (method) -> new AtomicLong()).incrementAndGet();
		SandboxFaults.Fault fault = this.faults.next(request.path());
		if (fault != null) {
			switch (fault.kind()) {
				case LATENCY -> {
					return Mono.delay(Duration.ofMillis(fault.latencyMillis())).then(Mono.defer(() -> serve(request)));
				}
				case STATUS -> {
					SandboxException error = new SandboxException(fault.status(), "SANDBOX_INJECTED_FAULT",
							"Injected fault: HTTP " + fault.status() + ".");
					return respond(this.service.error(error), fault.retryAfterSeconds());
				}
				case MI_MODIFIED_ERROR -> {
					return respond(this.service
						.error(new SandboxException(500, "MI_MODIFIED_ERROR", "Service metadata already modified.")),
							null);
				}
				case DROP_CONNECTION -> {
					return drop(request);
				}
			}
		}
		return serve(request);
	}

	private Mono<ServerResponse> drop(ServerRequest request) {
		ServerHttpRequest nativeRequest = request.exchange().getRequest();
		Object underlying = ServerHttpRequestDecorator.getNativeRequest(nativeRequest);
		if (underlying instanceof Connection connection) {
			logger.debug("Dropping the connection of {} (injected fault)", request.path());
			connection.channel().close();
			return Mono.never();
		}
		return respond(
				this.service.error(new SandboxException(502, "SANDBOX_INJECTED_FAULT",
						"Injected fault: the connection could not be dropped on this server, answering 502 instead.")),
				null);
	}

	private Mono<ServerResponse> serve(ServerRequest request) {
		String authorization = request.headers().firstHeader("Authorization");
		String token = (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
				? authorization.substring(7).trim() : null;
		if (token == null || !this.tokens.valid(token)) {
			SandboxException error = new SandboxException(401, "UNAUTHORIZED", (token == null)
					? "Send Authorization: Bearer <access token>." : "The access token is invalid or has expired.");
			return ServerResponse.status(401)
				.header("WWW-Authenticate", "Bearer realm=\"" + this.properties.realm() + "\", error=\"invalid_token\"")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(error.body());
		}
		Duration wait = this.rateLimit.admit(this.properties.clientId());
		if (wait != null) {
			return respond(
					this.service
						.error(new SandboxException(429, "TOO_MANY_REQUESTS", "More than " + this.rateLimit.perMinute()
								+ " requests in one minute; retry after " + wait.toSeconds() + " s.")),
					(int) wait.toSeconds());
		}
		URI uri = request.uri();
		String rawPath = uri.getRawPath();
		int projections = rawPath.indexOf(PROJECTIONS);
		String below = rawPath.substring(projections + PROJECTIONS.length());
		int svc = below.indexOf(".svc");
		if (svc < 0 || (below.length() > svc + 4 && below.charAt(svc + 4) != '/')) {
			return respond(
					this.service.error(SandboxException
						.notFound("Address a projection service: " + PROJECTIONS + "<Projection>.svc/<EntitySet>")),
					null);
		}
		String projection = below.substring(0, svc);
		String resourcePath = (below.length() > svc + 5) ? below.substring(svc + 5) : "";
		String serviceRoot = uri.getScheme() + "://" + uri.getRawAuthority() + rawPath.substring(0, projections)
				+ PROJECTIONS + projection + ".svc/";
		Map<String, String> headers = new LinkedHashMap<>();
		request.headers().asHttpHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers())).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]).publishOn(Schedulers.boundedElastic()).map((body) -> {
			ODataRequest odata;
			try {
				odata = new ODataRequest(request.method().name(), serviceRoot, projection, resourcePath,
						ODataRequest.parseQuery(uri.getRawQuery()), headers, body);
			}
			catch (SandboxException ex) {
				return this.service.error(ex);
			}
			if (resourcePath.equals("$batch")) {
				if (!odata.method().equals("POST")) {
					return this.service
						.error(new SandboxException(405, "ODP_METHOD_NOT_ALLOWED", "$batch takes POST only."));
				}
				return this.batch.process(odata);
			}
			return this.service.handle(odata);
		}).flatMap((response) -> respond(response, null));
	}

	private static Mono<ServerResponse> respond(ODataResponse response, Integer retryAfterSeconds) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(response.status());
		response.headers().forEach(builder::header);
		if (retryAfterSeconds != null) {
			builder.header("Retry-After", String.valueOf(retryAfterSeconds));
		}
		return (response.body().length == 0) ? builder.build() : builder.bodyValue(response.body());
	}

	static String first(MultiValueMap<String, String> values, String name) {
		return values.getFirst(name);
	}

}
