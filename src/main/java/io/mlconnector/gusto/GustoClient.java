package io.mlconnector.gusto;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mlconnector.outbound.OutboundRetry;
import io.mlconnector.outbound.RateLimit;
import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.outbound.RetryAfterException;
import io.mlconnector.secrets.IssuedTokens;
import io.mlconnector.secrets.Secret;
import io.mlconnector.tenant.GustoConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Gusto's App Integrations API for one tenant's company. Every request:
 * <ul>
 * <li>carries {@code X-Gusto-API-Version} from the tenant's configuration;</li>
 * <li>takes a permit from the grant's budget (at most {@code requests-per-minute} per
 * rolling window, shared by all instances through MariaDB), so ml-connector does not
 * cause a 429;</li>
 * <li>on 401 refreshes the token once and retries once;</li>
 * <li>on 429, 5xx or a timeout waits {@code Retry-After} or backs off with full jitter, a
 * bounded number of times;</li>
 * <li>on any other 4xx fails with {@link GustoApiException} carrying Gusto's
 * {@code category}, {@code error_key} and {@code message}.</li>
 * </ul>
 * Lists are paged with {@code page}/{@code per} (at most 100) until {@code X-Total-Pages}
 * [DOC pagination]. Writes send the object's {@code version}; a 409
 * {@code invalid_resource_version} re-reads the object and retries [DOC idempotency].
 */
public class GustoClient {

	static final String PAYROLL_INCLUDES = "taxes,benefits,deductions,payroll_taxes,totals";

	private final WebClient web;

	private final GustoWire wire;

	private final GustoTokens tokens;

	private final GustoOAuth oauth;

	private final RequestBudget budget;

	private final GustoProperties properties;

	private final Clock clock;

	private final OutboundRetry retry;

	private final Map<String, Mono<IssuedTokens>> systemTokens = new ConcurrentHashMap<>();

	GustoClient(WebClient web, GustoWire wire, GustoTokens tokens, GustoOAuth oauth, RequestBudget budget,
			GustoProperties properties, Clock clock) {
		this.web = web;
		this.wire = wire;
		this.tokens = tokens;
		this.oauth = oauth;
		this.budget = budget;
		this.properties = properties;
		this.clock = clock;
		this.retry = new OutboundRetry(properties.maxRetries(), OutboundRetry.DEFAULT.firstBackoff(),
				OutboundRetry.DEFAULT.maxBackoff(), OutboundRetry.DEFAULT.maxRetryAfter());
	}

	/**
	 * What the tenant's token grants: {@code GET /v1/token_info}.
	 * @param tenant the tenant
	 * @return the token info; its company must be the tenant's
	 */
	public Mono<GustoTokenInfo> tokenInfo(String tenant) {
		return get(tenant, "/v1/token_info", GustoTokenInfo.class);
	}

	/**
	 * The tenant's company.
	 * @param tenant the tenant
	 * @return the company
	 */
	public Mono<GustoCompany> company(String tenant) {
		return get(tenant, "/v1/companies/" + companyUuid(tenant), GustoCompany.class);
	}

	/**
	 * Processed regular and off-cycle payrolls whose pay period lies between two dates,
	 * with totals. The range is split into windows of at most a year, as Gusto requires;
	 * each window is paged.
	 * @param tenant the tenant
	 * @param from first day (pay period)
	 * @param to last day (pay period); at most 3 months ahead
	 * @return the payrolls (without employee compensations: see {@link #payroll})
	 */
	public Flux<GustoPayroll> payrolls(String tenant, LocalDate from, LocalDate to) {
		return Flux.defer(() -> {
			List<LocalDate[]> windows = PayrollWindows.split(from, to,
					LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
			return Flux.fromIterable(windows)
				.concatMap((window) -> paged(tenant,
						"/v1/companies/" + companyUuid(tenant) + "/payrolls?processing_statuses=processed"
								+ "&payroll_types=regular,off_cycle&include=totals&start_date=" + window[0]
								+ "&end_date=" + window[1],
						GustoPayroll[].class));
		});
	}

	/**
	 * One payroll with taxes, benefits, deductions, payroll taxes and totals, and all its
	 * employee compensations (Gusto pages them by at most 100).
	 * @param tenant the tenant
	 * @param payrollUuid the payroll
	 * @return the payroll
	 */
	public Mono<GustoPayroll> payroll(String tenant, String payrollUuid) {
		return Mono.defer(() -> {
			String path = "/v1/companies/" + companyUuid(tenant) + "/payrolls/" + payrollUuid + "?include="
					+ PAYROLL_INCLUDES;
			int per = this.properties.pageSize();
			return call(tenant, HttpMethod.GET, page(path, 1, per), null).flatMap((first) -> {
				GustoPayroll payroll = this.wire.read(first, GustoPayroll.class, "GET " + path);
				int pages = first.intHeader("X-Total-Pages", 1);
				if (pages <= 1 || payroll.employeeCompensations().isEmpty()) {
					return Mono.just(payroll);
				}
				return Flux.range(2, pages - 1)
					.flatMapSequential((n) -> call(tenant, HttpMethod.GET, page(path, n, per), null)
						.map((response) -> this.wire.read(response, GustoPayroll.class, "GET " + path)
							.employeeCompensations()), this.properties.pageConcurrency())
					.collectList()
					.map((more) -> payroll.withMoreCompensations(more.stream().flatMap(List::stream).toList()));
			});
		});
	}

	/**
	 * All employees, onboarding, active and terminated, with jobs and compensations.
	 * @param tenant the tenant
	 * @return the employees
	 */
	public Flux<GustoEmployee> employees(String tenant) {
		return Flux
			.defer(() -> paged(tenant, "/v1/companies/" + companyUuid(tenant) + "/employees?include=all_compensations",
					GustoEmployee[].class));
	}

	/**
	 * One employee with jobs and compensations.
	 * @param tenant the tenant
	 * @param employeeUuid the employee
	 * @return the employee
	 */
	public Mono<GustoEmployee> employee(String tenant, String employeeUuid) {
		return get(tenant, "/v1/employees/" + employeeUuid + "?include=all_compensations", GustoEmployee.class);
	}

	/**
	 * An employee's terminations.
	 * @param tenant the tenant
	 * @param employeeUuid the employee
	 * @return the terminations
	 */
	public Flux<GustoTermination> terminations(String tenant, String employeeUuid) {
		return get(tenant, "/v1/employees/" + employeeUuid + "/terminations", GustoTermination[].class)
			.flatMapMany(Flux::fromArray);
	}

	/**
	 * The company's departments (not paged by Gusto).
	 * @param tenant the tenant
	 * @return the departments
	 */
	public Flux<GustoDepartment> departments(String tenant) {
		return Flux
			.defer(() -> get(tenant, "/v1/companies/" + companyUuid(tenant) + "/departments", GustoDepartment[].class))
			.flatMap(Flux::fromArray);
	}

	/**
	 * One department.
	 * @param tenant the tenant
	 * @param departmentUuid the department
	 * @return the department
	 */
	public Mono<GustoDepartment> department(String tenant, String departmentUuid) {
		return get(tenant, "/v1/departments/" + departmentUuid, GustoDepartment.class);
	}

	/**
	 * Renames a department: reads its current version, sends it with the new title; on
	 * 409 {@code invalid_resource_version} reads again and retries.
	 * @param tenant the tenant
	 * @param departmentUuid the department
	 * @param title the new title
	 * @return the updated department
	 */
	public Mono<GustoDepartment> renameDepartment(String tenant, String departmentUuid, String title) {
		return department(tenant, departmentUuid).flatMap((current) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("version", current.version());
			body.put("title", title);
			return call(tenant, HttpMethod.PUT, "/v1/departments/" + departmentUuid, body);
		})
			.map((response) -> this.wire.read(response, GustoDepartment.class, "PUT /v1/departments/" + departmentUuid))
			.retryWhen(Retry.max(this.properties.maxConflictRetries())
				.filter(GustoClient::staleVersion)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

	/**
	 * The company's locations.
	 * @param tenant the tenant
	 * @return the locations
	 */
	public Flux<GustoLocation> locations(String tenant) {
		return Flux
			.defer(() -> paged(tenant, "/v1/companies/" + companyUuid(tenant) + "/locations", GustoLocation[].class));
	}

	/**
	 * An employee's work addresses; the current one is {@code active}.
	 * @param tenant the tenant
	 * @param employeeUuid the employee
	 * @return the work addresses
	 */
	public Flux<GustoWorkAddress> workAddresses(String tenant, String employeeUuid) {
		return get(tenant, "/v1/employees/" + employeeUuid + "/work_addresses", GustoWorkAddress[].class)
			.flatMapMany(Flux::fromArray);
	}

	/**
	 * The company's events after a given one (exclusive), oldest first, for catch-up:
	 * {@code GET /v1/events} with a system access token [SPEC], paged by
	 * {@code starting_after_uuid} and {@code X-Has-Next-Page}.
	 * @param tenant the tenant
	 * @param startingAfterUuid the last event already seen, or {@code null}
	 * @return the events
	 */
	public Flux<GustoEvent> events(String tenant, String startingAfterUuid) {
		return eventPage(tenant, startingAfterUuid)
			.expand((page) -> (page.hasNext() && !page.events().isEmpty())
					? eventPage(tenant, page.events().get(page.events().size() - 1).uuid()) : Mono.empty())
			.concatMap((page) -> Flux.fromIterable(page.events()));
	}

	private Mono<EventPage> eventPage(String tenant, String after) {
		return Mono.defer(() -> {
			String path = "/v1/events?resource_uuid=" + companyUuid(tenant) + "&sort_order=asc&limit=100"
					+ ((after != null) ? "&starting_after_uuid=" + after : "");
			return systemCall(tenant, HttpMethod.GET, path, null).map(
					(response) -> new EventPage(List.of(this.wire.read(response, GustoEvent[].class, "GET /v1/events")),
							"true".equalsIgnoreCase(response.headers().getFirst("X-Has-Next-Page"))));
		});
	}

	/**
	 * Lists the application's webhook subscriptions (system token).
	 * @param tenant a tenant whose Gusto application is meant
	 * @return the subscriptions
	 */
	public Flux<GustoWebhookSubscription> webhookSubscriptions(String tenant) {
		return systemCall(tenant, HttpMethod.GET, "/v1/webhook_subscriptions", null).flatMapMany((response) -> Flux
			.fromArray(this.wire.read(response, GustoWebhookSubscription[].class, "GET /v1/webhook_subscriptions")));
	}

	/**
	 * Creates the webhook subscription for a URL, or updates its types if one exists.
	 * Gusto then POSTs a verification token to the URL, which completes the handshake.
	 * @param tenant a tenant whose Gusto application is meant
	 * @param url the public URL of {@code /webhooks/gusto}
	 * @param types the entity types
	 * @return the subscription
	 */
	public Mono<GustoWebhookSubscription> subscribe(String tenant, String url, List<String> types) {
		return webhookSubscriptions(tenant).filter((s) -> url.equals(s.url()) && !"removed".equals(s.status()))
			.next()
			.flatMap((existing) -> systemCall(tenant, HttpMethod.PUT, "/v1/webhook_subscriptions/" + existing.uuid(),
					Map.of("subscription_types", types)))
			.switchIfEmpty(Mono.defer(() -> systemCall(tenant, HttpMethod.POST, "/v1/webhook_subscriptions",
					Map.of("url", url, "subscription_types", types))))
			.map((response) -> this.wire.read(response, GustoWebhookSubscription.class, "webhook subscription"));
	}

	/**
	 * Completes the handshake: {@code PUT /v1/webhook_subscriptions/{uuid}/verify}.
	 * @param tenant a tenant whose Gusto application is meant
	 * @param subscriptionUuid the subscription
	 * @param token the token Gusto POSTed
	 * @return the verified subscription
	 */
	public Mono<GustoWebhookSubscription> verifySubscription(String tenant, String subscriptionUuid, Secret token) {
		return systemCall(tenant, HttpMethod.PUT, "/v1/webhook_subscriptions/" + subscriptionUuid + "/verify",
				Map.of("verification_token", token.value()))
			.map((response) -> this.wire.read(response, GustoWebhookSubscription.class, "verify subscription"));
	}

	/**
	 * The application's webhook subscriptions for the handshake: the permit is taken only
	 * if one is free now, nothing is retried.
	 */
	Flux<GustoWebhookSubscription> webhookSubscriptionsForHandshake(String tenant) {
		return systemCall(tenant, HttpMethod.GET, "/v1/webhook_subscriptions", null, true)
			.flatMapMany((response) -> Flux.fromArray(
					this.wire.read(response, GustoWebhookSubscription[].class, "GET /v1/webhook_subscriptions")));
	}

	/**
	 * {@code PUT /v1/webhook_subscriptions/{uuid}/verify} for the handshake: the permit
	 * is taken only if one is free now, nothing is retried.
	 */
	Mono<GustoWebhookSubscription> verifySubscriptionForHandshake(String tenant, String subscriptionUuid,
			Secret token) {
		return systemCall(tenant, HttpMethod.PUT, "/v1/webhook_subscriptions/" + subscriptionUuid + "/verify",
				Map.of("verification_token", token.value()), true)
			.map((response) -> this.wire.read(response, GustoWebhookSubscription.class, "verify subscription"));
	}

	private <T> Mono<T> get(String tenant, String path, Class<T> type) {
		return Mono.defer(() -> call(tenant, HttpMethod.GET, path, null))
			.map((response) -> this.wire.read(response, type, "GET " + path));
	}

	private <T> Flux<T> paged(String tenant, String path, Class<T[]> type) {
		int per = this.properties.pageSize();
		return call(tenant, HttpMethod.GET, page(path, 1, per), null).flatMapMany((first) -> {
			T[] items = this.wire.read(first, type, "GET " + path);
			int pages = first.intHeader("X-Total-Pages", 1);
			if (items.length == 0 || pages <= 1) {
				return Flux.fromArray(items);
			}
			return Flux.concat(Flux.fromArray(items),
					Flux.range(2, pages - 1)
						.flatMapSequential(
								(n) -> call(tenant, HttpMethod.GET, page(path, n, per), null)
									.map((response) -> this.wire.read(response, type, "GET " + path)),
								this.properties.pageConcurrency())
						.concatMap(Flux::fromArray));
		});
	}

	private static String page(String path, int page, int per) {
		return path + ((path.indexOf('?') >= 0) ? "&" : "?") + "page=" + page + "&per=" + per;
	}

	/**
	 * One request with the tenant's company token: budget, 401 → refresh once → retry
	 * once, retries for 429/5xx/timeouts, typed errors for other 4xx.
	 */
	private Mono<GustoResponse> call(String tenant, HttpMethod method, String path, Object body) {
		return Mono.defer(() -> {
			GustoConnection connection = this.tokens.connection(tenant);
			String what = method + " " + path;
			RateLimit limit = new RateLimit(connection.requestsPerMinute(), this.properties.rateLimitWindow());
			return this.tokens.accessToken(tenant)
				.flatMap((token) -> send(connection, "gusto:" + tenant, limit, token, method, path, body, what)
					.flatMap((response) -> (response.status() != 401) ? Mono.just(response)
							: this.tokens.afterRejection(tenant, token)
								.flatMap((fresh) -> send(connection, "gusto:" + tenant, limit, fresh, method, path,
										body, what))))
				.map((response) -> {
					if (!response.ok()) {
						throw this.wire.failure(tenant, response, what);
					}
					return response;
				});
		});
	}

	/**
	 * One request with the application's system access token (events, webhook
	 * subscriptions); the token is kept in memory until shortly before it expires, as
	 * Gusto allows requesting new ones at any time [DOC system-access].
	 */
	private Mono<GustoResponse> systemCall(String tenant, HttpMethod method, String path, Object body) {
		return systemCall(tenant, method, path, body, false);
	}

	/**
	 * A system call; with {@code failFast} the permit is taken only if one is free now
	 * and nothing is retried, for calls an outsider can trigger (the webhook handshake).
	 */
	private Mono<GustoResponse> systemCall(String tenant, HttpMethod method, String path, Object body,
			boolean failFast) {
		return Mono.defer(() -> {
			GustoConnection connection = this.tokens.connection(tenant);
			String key = connection.baseUrl() + "|" + connection.clientId();
			String what = method + " " + path;
			RateLimit limit = new RateLimit(connection.requestsPerMinute(), this.properties.rateLimitWindow());
			String budgetName = "gusto-system:" + Integer.toHexString(key.hashCode());
			return systemToken(tenant, connection, key)
				.flatMap((token) -> send(connection, budgetName, limit, token, method, path, body, what, failFast))
				.flatMap((response) -> {
					if (response.status() != 401) {
						return Mono.just(response);
					}
					this.systemTokens.remove(key);
					return systemToken(tenant, connection, key).flatMap(
							(token) -> send(connection, budgetName, limit, token, method, path, body, what, failFast));
				})
				.map((response) -> {
					if (!response.ok()) {
						throw this.wire.failure(tenant, response, what);
					}
					return response;
				});
		});
	}

	private Mono<Secret> systemToken(String tenant, GustoConnection connection, String key) {
		Duration leeway = this.properties.refreshLeeway();
		return this.systemTokens
			.computeIfAbsent(key,
					(k) -> this.oauth.systemToken(tenant, connection)
						.cacheInvalidateIf((issued) -> !this.clock.instant().plus(leeway).isBefore(issued.expiresAt()))
						.doOnError((ex) -> this.systemTokens.remove(k)))
			.map(IssuedTokens::accessToken);
	}

	private Mono<GustoResponse> send(GustoConnection connection, String budgetName, RateLimit limit, Secret token,
			HttpMethod method, String path, Object body, String what) {
		return send(connection, budgetName, limit, token, method, path, body, what, false);
	}

	private Mono<GustoResponse> send(GustoConnection connection, String budgetName, RateLimit limit, Secret token,
			HttpMethod method, String path, Object body, String what, boolean failFast) {
		Mono<GustoResponse> attempt = Mono.defer(() -> {
			WebClient.RequestBodySpec request = this.web.method(method)
				.uri(connection.baseUrl() + path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
				.header(GustoWire.API_VERSION_HEADER, connection.apiVersion())
				.accept(MediaType.APPLICATION_JSON);
			WebClient.RequestHeadersSpec<?> spec = (body != null)
					? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
			Mono<Void> permit = failFast ? this.budget.acquireNow(budgetName, limit)
					: this.budget.acquire(budgetName, limit);
			return permit
				.onErrorMap(GustoClient::transientDatabaseFailure,
						(ex) -> new RetryAfterException(
								"the request budget " + budgetName
										+ " could not be taken (transient database failure): " + ex.getMessage(),
								null, ex))
				.then(this.wire.send(spec, what));
		});
		return failFast ? attempt : attempt.retryWhen(this.retry.toRetry());
	}

	/**
	 * A deadlock or lock timeout while taking a permit from the shared budget is
	 * transient: the permit is taken again, like a 5xx.
	 */
	private static boolean transientDatabaseFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof java.sql.SQLTransientException
					|| cause instanceof org.springframework.dao.TransientDataAccessException) {
				return true;
			}
		}
		return false;
	}

	private String companyUuid(String tenant) {
		return this.tokens.connection(tenant).companyUuid();
	}

	private static boolean staleVersion(Throwable ex) {
		return ex instanceof GustoApiException api && "invalid_resource_version".equals(api.category());
	}

	private record EventPage(List<GustoEvent> events, boolean hasNext) {

		EventPage {
			events = new ArrayList<>(events);
		}

	}

}
