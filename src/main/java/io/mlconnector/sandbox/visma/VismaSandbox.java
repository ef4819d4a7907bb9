package io.mlconnector.sandbox.visma;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;

/**
 * The simulator's HTTP front: the Visma Connect token endpoint
 * ({@code /sandbox/visma/connect/token}) and {@code /sandbox/visma/v1/**} with bearer
 * token, tenant and scope checks, the hourly rate limit and injected faults in front of
 * {@link SandboxApi}.
 * <p>
 * Documented: a token for a customer tenant is issued, but every API call with it gets
 * 401 [DOC-401]. ASSUMPTIONS: a wrong client gets 400 {@code invalid_client} (as
 * IdentityServer answers), a tenant the application is not approved for 400
 * {@code invalid_grant}, a scope not granted 400 {@code invalid_scope}; GET needs
 * {@code :read}, POST {@code :create}, PUT {@code :update}, else 403;
 * {@code ipp-company-id} is ignored; {@code erp-api-background} is not simulated (a
 * request carrying it gets 400).
 */
final class VismaSandbox {

	private static final Logger logger = LoggerFactory.getLogger(VismaSandbox.class);

	private static final TypeReference<Object> ANY = new TypeReference<>() {
	};

	static final String PREFIX = "/sandbox/visma";

	private final VismaSandboxProperties properties;

	private final Map<String, SandboxCompany> companies = new ConcurrentHashMap<>();

	private final SandboxTokens tokens;

	private final SandboxRateLimit rateLimit;

	private final SandboxFaults faults = new SandboxFaults();

	private final SandboxSettings settings;

	private final SandboxApi api;

	private final JsonMapper json;

	private final Clock clock;

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong tokenRequests = new AtomicLong();

	private final AtomicLong rateLimited = new AtomicLong();

	private final AtomicLong unauthorized = new AtomicLong();

	private final Map<String, AtomicLong> byEndpoint = new ConcurrentHashMap<>();

	VismaSandbox(VismaSandboxProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.tokens = new SandboxTokens(clock, properties.tokenLifetime());
		this.rateLimit = new SandboxRateLimit(clock, properties.requestsPerWindow(), properties.rateLimitWindow());
		this.settings = new SandboxSettings(properties);
		this.api = new SandboxApi(this.settings);
		// a mapper of its own: Visma's DTOs carry nulls ("errorInfo": null), which the
		// application's non-null inclusion would drop
		this.json = JsonMapper.builder().build();
		properties.companyTenants().forEach((tenantId, name) -> {
			SandboxCompany company = new SandboxCompany(tenantId, name, clock, properties.timeZone());
			SandboxSeed.seed(company, properties.employees(), 42);
			this.companies.put(tenantId, company);
		});
	}

	VismaSandboxProperties properties() {
		return this.properties;
	}

	Map<String, SandboxCompany> companies() {
		return this.companies;
	}

	SandboxCompany company(String tenantId) {
		String id = (tenantId != null) ? tenantId : this.properties.companyTenants().keySet().iterator().next();
		SandboxCompany company = this.companies.get(id);
		if (company == null) {
			throw SandboxException.badRequest(
					"No company tenant " + id + " in the sandbox (configured: " + this.companies.keySet() + ")");
		}
		return company;
	}

	SandboxTokens tokens() {
		return this.tokens;
	}

	SandboxRateLimit rateLimit() {
		return this.rateLimit;
	}

	SandboxFaults faults() {
		return this.faults;
	}

	SandboxSettings settings() {
		return this.settings;
	}

	Map<String, Object> stats() {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("requests", this.requests.get());
		stats.put("tokenRequests", this.tokenRequests.get());
		stats.put("tokensIssued", this.tokens.issued());
		stats.put("rateLimited", this.rateLimited.get());
		stats.put("unauthorized", this.unauthorized.get());
		Map<String, Long> endpoints = new LinkedHashMap<>();
		this.byEndpoint.forEach((endpoint, count) -> endpoints.put(endpoint, count.get()));
		stats.put("byEndpoint", endpoints);
		Map<String, Object> companies = new LinkedHashMap<>();
		this.companies.forEach((id, company) -> {
			synchronized (company) {
				companies.put(id, Map.of("name", company.name, "employees", company.employeesById.size(), "departments",
						company.departments.size(), "branches", company.branches.size()));
			}
		});
		stats.put("companies", companies);
		stats.put("faultsPending", this.faults.size());
		return stats;
	}

	void resetCounters() {
		this.requests.set(0);
		this.tokenRequests.set(0);
		this.rateLimited.set(0);
		this.unauthorized.set(0);
		this.byEndpoint.clear();
		this.tokens.resetCounter();
	}

	// ---- Visma Connect ------------------------------------------------------------

	Mono<ServerResponse> token(ServerRequest request) {
		this.tokenRequests.incrementAndGet();
		return request.formData().flatMap((form) -> {
			if (!"client_credentials".equals(form.getFirst("grant_type"))) {
				return oauthError("unsupported_grant_type",
						"grant_type must be client_credentials, was " + form.getFirst("grant_type"));
			}
			if (!this.properties.clientId().equals(form.getFirst("client_id"))
					|| !this.properties.clientSecret().equals(form.getFirst("client_secret"))) {
				return oauthError("invalid_client", null);
			}
			String tenantId = form.getFirst("tenant_id");
			if (tenantId != null && !this.companies.containsKey(tenantId)
					&& !this.properties.customerTenants().contains(tenantId)) {
				return oauthError("invalid_grant", "The application is not approved for tenant " + tenantId);
			}
			Set<String> requested = new LinkedHashSet<>();
			String scope = form.getFirst("scope");
			if (scope != null && !scope.isBlank()) {
				requested.addAll(Arrays.asList(scope.trim().split("\\s+")));
			}
			for (String asked : requested) {
				if (!this.properties.grantedScopes().contains(asked)) {
					return oauthError("invalid_scope", "The scope " + asked + " is not granted to the application");
				}
			}
			String token = this.tokens.issue(tenantId, requested);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("access_token", token);
			body.put("expires_in", this.tokens.lifetime().toSeconds());
			body.put("token_type", "Bearer");
			body.put("scope", String.join(" ", requested));
			return json(200, Map.of(), body);
		});
	}

	private Mono<ServerResponse> oauthError(String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		if (description != null) {
			body.put("error_description", description);
		}
		return json(400, Map.of(), body);
	}

	// ---- /v1 ----------------------------------------------------------------------

	Mono<ServerResponse> api(ServerRequest request) {
		this.requests.incrementAndGet();
		URI uri = request.uri();
		String rawPath = uri.getRawPath();
		String below = rawPath.substring(rawPath.indexOf(PREFIX + "/v1") + PREFIX.length() + 3);
		List<String> segments = new ArrayList<>();
		for (String segment : below.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(UriUtils.decode(segment, StandardCharsets.UTF_8));
			}
		}
		String method = request.method().name();
		String endpoint = method + " /v1/" + String.join("/", segments);
		this.byEndpoint.computeIfAbsent(method + " /v1/" + template(segments), (key) -> new AtomicLong())
			.incrementAndGet();
		String authorization = request.headers().firstHeader("Authorization");
		String bearer = (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
				? authorization.substring(7).trim() : null;
		SandboxTokens.Grant grant = this.tokens.valid(bearer);
		if (grant == null) {
			this.unauthorized.incrementAndGet();
			return error(
					new SandboxException(401, "10401", (bearer == null)
							? "Authorization has been denied for this request: send Authorization: Bearer <token>."
							: "Authorization has been denied for this request: the token is invalid or has expired."),
					Map.of());
		}
		SandboxRateLimit.Decision decision = this.rateLimit
			.take(((grant.tenantId() != null) ? grant.tenantId() : "-") + "|" + this.properties.clientId());
		Map<String, String> limitHeaders = limitHeaders(decision);
		if (decision != null && !decision.allowed()) {
			return rateLimited(decision.resetSeconds(), limitHeaders);
		}
		SandboxCompany company = (grant.tenantId() != null) ? this.companies.get(grant.tenantId()) : null;
		if (company == null) {
			// a customer tenant's token (or one without tenant_id) authenticates at Visma
			// Connect, but the API refuses it [DOC-401]
			this.unauthorized.incrementAndGet();
			return error(new SandboxException(401, "10401", "Authorization has been denied for this request."),
					limitHeaders);
		}
		if (!Set.of("GET", "POST", "PUT").contains(method)) {
			// no DELETE on employees or departments [SPEC-3P]; 405 is an ASSUMPTION
			return error(new SandboxException(405, "10405", "The requested resource does not support http method '"
					+ method + "' (there is no DELETE: set an employee's status to Inactive)."), limitHeaders);
		}
		if (!grant.scopes().contains(SandboxApi.scopeFor(method))) {
			return error(
					new SandboxException(403, "10403",
							"The token lacks the scope " + SandboxApi.scopeFor(method) + " needed for " + method + "."),
					limitHeaders);
		}
		if (request.headers().firstHeader("erp-api-background") != null) {
			String value = request.headers().firstHeader("erp-api-background");
			return error(SandboxException.badRequest(value.startsWith("http")
					? "erp-api-background with a URL is deprecated (since 30.04.2025): use none or subscription"
					: "erp-api-background is not simulated by the sandbox"), limitHeaders);
		}
		SandboxFaults.Fault fault = this.faults.next(endpoint);
		if (fault != null) {
			Mono<ServerResponse> faulted = fault(fault, request, limitHeaders);
			if (faulted != null) {
				return faulted;
			}
			return Mono.delay(Duration.ofMillis(fault.latencyMillis()))
				.then(serve(request, company, method, segments, limitHeaders));
		}
		return serve(request, company, method, segments, limitHeaders);
	}

	private Mono<ServerResponse> serve(ServerRequest request, SandboxCompany company, String method,
			List<String> segments, Map<String, String> limitHeaders) {
		String ifMatch = request.headers().firstHeader("If-Match");
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		request.queryParams().forEach(query::put);
		URI uri = request.uri();
		String base = uri.getScheme() + "://" + uri.getRawAuthority() + PREFIX;
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers())).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]).flatMap((bytes) -> {
			try {
				Object body = null;
				if (bytes.length > 0) {
					try {
						body = this.json.readValue(bytes, ANY);
					}
					catch (RuntimeException ex) {
						throw SandboxException.badRequest("The request body is not valid JSON: " + ex.getMessage());
					}
				}
				SandboxApi.Response response = this.api.handle(company,
						new SandboxApi.Request(method, segments, query, ifMatch, body, base));
				Map<String, String> headers = new LinkedHashMap<>(limitHeaders);
				headers.putAll(response.headers());
				return (response.body() == null) ? empty(response.status(), headers)
						: json(response.status(), headers, response.body());
			}
			catch (SandboxException ex) {
				return error(ex, limitHeaders);
			}
		});
	}

	private Mono<ServerResponse> fault(SandboxFaults.Fault fault, ServerRequest request,
			Map<String, String> limitHeaders) {
		return switch (fault.kind()) {
			case LATENCY -> null;
			case STATUS -> error(new SandboxException(fault.status(),
					(fault.faultCode() != null) ? fault.faultCode() : String.valueOf(fault.status()),
					(fault.message() != null) ? fault.message() : "Injected fault: HTTP " + fault.status() + "."),
					limitHeaders);
			case NO_LICENSE -> error(new SandboxException(400, "12027", "No license for this company."), limitHeaders);
			case NON_JSON -> {
				ServerResponse.BodyBuilder builder = ServerResponse
					.status((fault.status() != null) ? fault.status() : 500)
					.contentType(MediaType.TEXT_HTML);
				limitHeaders.forEach(builder::header);
				yield builder.bodyValue("<html><body><h1>Server Error</h1><p>Injected fault.</p></body></html>");
			}
			case RATE_LIMIT -> {
				Map<String, String> headers = new LinkedHashMap<>(limitHeaders);
				headers.put("X-RateLimit-Remaining", "0");
				headers.put("X-RateLimit-Reset", String.valueOf(fault.resetSeconds()));
				yield rateLimited(fault.resetSeconds(), headers);
			}
			case DROP_CONNECTION -> drop(request);
		};
	}

	private Mono<ServerResponse> rateLimited(long resetSeconds, Map<String, String> limitHeaders) {
		this.rateLimited.incrementAndGet();
		Map<String, String> headers = new LinkedHashMap<>(limitHeaders);
		if (this.settings.retryAfter()) {
			headers.put("Retry-After", String.valueOf(resetSeconds));
		}
		// the 429 body is not documented: IPPException-shaped (ASSUMPTION)
		return error(new SandboxException(429, "10429",
				"API rate limit exceeded for this company and client; the window resets in " + resetSeconds + " s."),
				headers);
	}

	private Mono<ServerResponse> drop(ServerRequest request) {
		Object underlying = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
		if (underlying instanceof Connection connection) {
			logger.debug("Dropping the connection of {} (injected fault)", request.path());
			connection.channel().close();
			return Mono.never();
		}
		return error(new SandboxException(502, "10502", "Injected fault: the connection could not be dropped."),
				Map.of());
	}

	private static Map<String, String> limitHeaders(SandboxRateLimit.Decision decision) {
		if (decision == null) {
			return Map.of();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-RateLimit-Limit", String.valueOf(decision.limit()));
		headers.put("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
		headers.put("X-RateLimit-Reset", String.valueOf(decision.resetSeconds()));
		headers.put("X-RateLimit-Policy", SandboxRateLimit.POLICY);
		return headers;
	}

	/** {@code employee/{id}} for the per-endpoint counters. */
	private static String template(List<String> segments) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < segments.size(); i++) {
			boolean fixed = i == 0
					|| (segments.get(0).equals("employee") && i <= 2 && segments.get(1).equals("action"));
			parts.add(fixed ? segments.get(i) : "{id}");
		}
		return String.join("/", parts);
	}

	private Mono<ServerResponse> error(SandboxException ex, Map<String, String> headers) {
		return json(ex.status(), headers, ex.body());
	}

	private Mono<ServerResponse> json(int status, Map<String, String> headers, Object body) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON);
		headers.forEach(builder::header);
		return builder.bodyValue(this.json.writeValueAsBytes(body));
	}

	private static Mono<ServerResponse> empty(int status, Map<String, String> headers) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(status);
		headers.forEach(builder::header);
		return builder.build();
	}

}
