package io.mlconnector.sandbox.gusto;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.mlconnector.sandbox.gusto.PayrollCalculator.EmployeePay;
import io.mlconnector.sandbox.gusto.SandboxCompany.Department;
import io.mlconnector.sandbox.gusto.SandboxCompany.Employee;
import io.mlconnector.sandbox.gusto.SandboxCompany.Job;
import io.mlconnector.sandbox.gusto.SandboxCompany.Kind;
import io.mlconnector.sandbox.gusto.SandboxCompany.Location;
import io.mlconnector.sandbox.gusto.SandboxCompany.Payroll;
import io.mlconnector.sandbox.gusto.SandboxFaults.Fault;
import io.mlconnector.sandbox.gusto.SandboxWebhooks.Subscription;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The simulated {@code /v1} endpoints.
 */
final class SandboxApi {

	static final String TOKEN = SandboxApi.class.getName() + ".token";

	private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final GustoSandbox sandbox;

	SandboxApi(GustoSandbox sandbox) {
		this.sandbox = sandbox;
	}

	// ---- filter: faults, version, authentication, rate limit

	Mono<ServerResponse> guard(ServerRequest request, Function<ServerRequest, Mono<ServerResponse>> next) {
		this.sandbox.requests.incrementAndGet();
		String endpoint = request.method() + " " + request.path().substring("/sandbox/gusto".length());
		Fault fault = this.sandbox.faults.matching(endpoint);
		Mono<Void> latency = (fault != null && fault.latencyMs() > 0)
				? Mono.delay(java.time.Duration.ofMillis(fault.latencyMs())).then() : Mono.empty();
		return latency.then(Mono.defer(() -> {
			if (fault != null && Fault.take(fault.dropConnections())) {
				SandboxConnections.drop(request);
				return Mono.never();
			}
			if (fault != null && Fault.take(fault.rateLimitBurst())) {
				this.sandbox.rateLimited.incrementAndGet();
				return tooMany(1);
			}
			if (fault != null && fault.serverError()) {
				return json(HttpStatus.INTERNAL_SERVER_ERROR,
						SandboxRender.errors("request", "internal_error", "An unexpected error has occurred."));
			}
			Mono<ServerResponse> versionProblem = version(request);
			if (versionProblem != null) {
				return versionProblem;
			}
			SandboxOAuth.AccessToken token = this.sandbox.oauth.authenticate(bearer(request));
			if (token == null) {
				this.sandbox.unauthorized.incrementAndGet();
				return json(HttpStatus.UNAUTHORIZED, SandboxRender.errors("base", "invalid_token",
						"The access token is invalid, expired or revoked."));
			}
			SandboxRateLimit.Decision decision = this.sandbox.rateLimit.take(token.grant);
			var headers = request.exchange().getResponse().getHeaders();
			headers.set("X-RateLimit-Limit", String.valueOf(this.sandbox.rateLimit.limit()));
			headers.set("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
			headers.set("X-RateLimit-Reset", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z")
				.format(decision.reset().atZone(java.time.ZoneOffset.UTC)));
			if (!decision.allowed()) {
				this.sandbox.rateLimited.incrementAndGet();
				return tooMany(decision.retryAfterSeconds());
			}
			request.attributes().put(TOKEN, token);
			return next.apply(request);
		}));
	}

	private Mono<ServerResponse> version(ServerRequest request) {
		String version = request.headers().firstHeader("X-Gusto-API-Version");
		var headers = request.exchange().getResponse().getHeaders();
		if (version == null) {
			headers.set("X-Gusto-API-Version", this.sandbox.properties.minimumApiVersion());
			return null;
		}
		if (!VERSION.matcher(version).matches()) {
			return json(HttpStatus.NOT_ACCEPTABLE, SandboxRender.errors("request", "invalid_api_version",
					"Invalid API Version `" + version + "`. Expected format: YYYY-MM-DD"));
		}
		if (version.compareTo(this.sandbox.properties.minimumApiVersion()) < 0
				|| version.compareTo(this.sandbox.properties.currentApiVersion()) > 0) {
			return json(HttpStatus.NOT_ACCEPTABLE,
					Map.of("name", "Invalid X-Gusto-API-Version Header", "message",
							"Invalid API Version `" + version
									+ "`. Version must be >= your application's minimum API version `"
									+ this.sandbox.properties.minimumApiVersion() + "` and not in the future."));
		}
		headers.set("X-Gusto-API-Version", version);
		return null;
	}

	private static Mono<ServerResponse> tooMany(long seconds) {
		return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", String.valueOf(seconds))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(SandboxRender.errors("base", "rate_limit_exceeded", "Rate Limit Exceeded"));
	}

	private static String bearer(ServerRequest request) {
		String header = request.headers().firstHeader("Authorization");
		return (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) ? header.substring(7).trim() : null;
	}

	private static SandboxOAuth.AccessToken token(ServerRequest request) {
		return (SandboxOAuth.AccessToken) request.attributes().get(TOKEN);
	}

	// ---- company resources

	Mono<ServerResponse> tokenInfo(ServerRequest request) {
		SandboxOAuth.AccessToken token = token(request);
		if (token.company == null) {
			return ok(Map.of("scope", "webhook_subscriptions:read webhook_subscriptions:write events:read", "resource",
					Map.of("type", "Oauth::Application", "uuid",
							SandboxCompany.id(0, "application", this.sandbox.properties.clientId().hashCode()))));
		}
		return ok(Map.of("scope", scope(), "resource", Map.of("type", "Company", "uuid", token.company),
				"resource_owner",
				Map.of("type", "CompanyAdmin", "uuid", SandboxCompany.id(0, "admin", token.company.hashCode()))));
	}

	static String scope() {
		return "companies:read employees:read compensations:read departments:read employments:read "
				+ "payrolls:read employee_benefits:read company_reports:read";
	}

	Mono<ServerResponse> company(ServerRequest request) {
		return withCompany(request, (company) -> ok(SandboxRender.company(company)));
	}

	Mono<ServerResponse> payrolls(ServerRequest request) {
		return withCompany(request, (company) -> {
			Set<String> statuses = list(request, "processing_statuses", "processed");
			Set<String> types = list(request, "payroll_types", "regular");
			Set<String> include = list(request, "include", "");
			LocalDate end;
			LocalDate start;
			try {
				end = request.queryParam("end_date").map(LocalDate::parse).orElse(this.sandbox.today());
				start = request.queryParam("start_date").map(LocalDate::parse).orElse(end.minusMonths(6));
			}
			catch (DateTimeParseException ex) {
				return invalidParameter("start_date/end_date must be dates as YYYY-MM-DD");
			}
			// ASSUMPTION: 422 invalid_parameter for the documented limits
			if (end.isAfter(this.sandbox.today().plusMonths(3))) {
				return invalidParameter("end_date can be at most 3 months in the future");
			}
			if (end.isAfter(start.plusYears(1))) {
				return invalidParameter("start_date and end_date can't be more than 1 year apart");
			}
			List<Payroll> matching;
			synchronized (company) {
				matching = company.payrolls.stream()
					.filter((p) -> statuses.contains(p.processed ? "processed" : "unprocessed"))
					.filter((p) -> types.contains((p.kind == Kind.REGULAR) ? "regular" : "off_cycle"))
					.filter((p) -> !p.start.isBefore(start) && !p.end.isAfter(end))
					.sorted(Comparator.comparing((Payroll p) -> p.checkDate))
					.toList();
			}
			if ("desc".equals(request.queryParam("sort_order").orElse("asc"))) {
				matching = new ArrayList<>(matching);
				java.util.Collections.reverse(matching);
			}
			return page(request, matching, true, (p) -> SandboxRender.payroll(company, p, include));
		});
	}

	Mono<ServerResponse> payroll(ServerRequest request) {
		return withCompany(request, (company) -> {
			Payroll payroll;
			synchronized (company) {
				payroll = company.payroll(request.pathVariable("payroll"));
			}
			if (payroll == null) {
				return notFound();
			}
			Set<String> include = list(request, "include", "");
			Map<String, Object> json = SandboxRender.payroll(company, payroll, include);
			List<EmployeePay> pays = payroll.processed ? payroll.result.employees() : List.of();
			Paging paging = paging(request, pays.size(), true);
			if (paging.problem() != null) {
				return paging.problem();
			}
			boolean regular = payroll.kind == Kind.REGULAR;
			json.put("employee_compensations",
					pays.subList(paging.from(), paging.to())
						.stream()
						.map((pay) -> SandboxRender.employeeCompensation(pay, include, regular))
						.toList());
			return paging.headers(ServerResponse.ok()).contentType(MediaType.APPLICATION_JSON).bodyValue(json);
		});
	}

	Mono<ServerResponse> employees(ServerRequest request) {
		return withCompany(request, (company) -> {
			List<Employee> all;
			synchronized (company) {
				all = List.copyOf(company.employees);
			}
			Boolean terminated = request.queryParam("terminated").map(Boolean::parseBoolean).orElse(null);
			Set<String> uuids = list(request, "uuids", "");
			String location = request.queryParam("location_uuid").orElse(null);
			String search = request.queryParam("search_term").map(String::toLowerCase).orElse(null);
			List<Employee> matching = all.stream()
				.filter((e) -> terminated == null || terminated == (e.terminatedOn != null))
				.filter((e) -> uuids.isEmpty() || uuids.contains(e.uuid))
				.filter((e) -> location == null || location.equals(e.jobs.get(0).location.uuid))
				.filter((e) -> search == null || (e.firstName + " " + e.lastName).toLowerCase().contains(search))
				.toList();
			return page(request, matching, false, (e) -> SandboxRender.employee(company, e));
		});
	}

	Mono<ServerResponse> employee(ServerRequest request) {
		return withEmployee(request, (company, e) -> ok(SandboxRender.employee(company, e)));
	}

	Mono<ServerResponse> updateEmployee(ServerRequest request) {
		return body(request).flatMap((body) -> withEmployee(request, (company, e) -> {
			synchronized (company) {
				conflict(request, () -> e.bump++);
				Mono<ServerResponse> stale = checkVersion(body, e.version());
				if (stale != null) {
					return stale;
				}
				String before = e.version();
				if (body.path("first_name").isString()) {
					e.firstName = body.path("first_name").asString();
				}
				if (body.path("last_name").isString()) {
					e.lastName = body.path("last_name").asString();
				}
				if (body.path("email").isString()) {
					e.email = body.path("email").asString();
				}
				if (!before.equals(e.version())) {
					this.sandbox.webhooks.emit(company.uuid, "employee.updated", "Employee", e.uuid);
				}
				return ok(SandboxRender.employee(company, e));
			}
		}));
	}

	Mono<ServerResponse> terminations(ServerRequest request) {
		return withEmployee(request, (company, e) -> ok(SandboxRender.terminations(e)));
	}

	Mono<ServerResponse> workAddresses(ServerRequest request) {
		return withEmployee(request, (company, e) -> ok(SandboxRender.workAddresses(e)));
	}

	Mono<ServerResponse> embeddedOnly(ServerRequest request) {
		return json(HttpStatus.NOT_FOUND, SandboxRender.errors("base", "missing_permissions",
				"This endpoint is part of Gusto Embedded and is not available to App Integrations."));
	}

	Mono<ServerResponse> jobCompensations(ServerRequest request) {
		SandboxOAuth.AccessToken token = token(request);
		SandboxCompany company = this.sandbox.company(token.company);
		if (company == null) {
			return notFound();
		}
		String jobUuid = request.pathVariable("job");
		synchronized (company) {
			for (Employee e : company.employees) {
				for (Job job : e.jobs) {
					if (job.uuid.equals(jobUuid)) {
						return ok(List.of(SandboxRender.compensation(e, job)));
					}
				}
			}
		}
		return notFound();
	}

	Mono<ServerResponse> departments(ServerRequest request) {
		return withCompany(request, (company) -> {
			synchronized (company) {
				return ok(company.departments.stream().map((d) -> SandboxRender.department(company, d)).toList());
			}
		});
	}

	Mono<ServerResponse> department(ServerRequest request) {
		return withDepartment(request, (company, d) -> ok(SandboxRender.department(company, d)));
	}

	Mono<ServerResponse> updateDepartment(ServerRequest request) {
		return body(request).flatMap((body) -> withDepartment(request, (company, d) -> {
			synchronized (company) {
				conflict(request, () -> d.bump++);
				Mono<ServerResponse> stale = checkVersion(body, d.version());
				if (stale != null) {
					return stale;
				}
				if (!body.path("title").isString() || body.path("title").asString().isBlank()) {
					return json(HttpStatus.UNPROCESSABLE_CONTENT,
							SandboxRender.errors("title", "invalid_attribute_value", "title is required"));
				}
				d.title = body.path("title").asString();
				return ok(SandboxRender.department(company, d));
			}
		}));
	}

	Mono<ServerResponse> locations(ServerRequest request) {
		return withCompany(request, (company) -> page(request, List.copyOf(company.locations), false,
				(l) -> SandboxRender.location(company, l)));
	}

	Mono<ServerResponse> location(ServerRequest request) {
		SandboxCompany company = this.sandbox.company(token(request).company);
		Location location = (company != null) ? company.location(request.pathVariable("location")) : null;
		return (location != null) ? ok(SandboxRender.location(company, location)) : notFound();
	}

	// ---- system resources: events and webhook subscriptions

	Mono<ServerResponse> events(ServerRequest request) {
		if (token(request).company != null) {
			return systemOnly();
		}
		int limit;
		try {
			limit = Integer.parseInt(request.queryParam("limit").orElse("25"));
		}
		catch (NumberFormatException ex) {
			return invalidParameter("limit must be a number from 1 to 100");
		}
		if (limit < 1 || limit > 100) {
			return invalidParameter("limit must be a number from 1 to 100");
		}
		String after = request.queryParam("starting_after_uuid").orElse(null);
		String resource = request.queryParam("resource_uuid").orElse(null);
		String type = request.queryParam("event_type").orElse(null);
		long since = this.sandbox.clock.instant().minus(java.time.Duration.ofDays(30)).getEpochSecond();
		List<Map<String, Object>> all = this.sandbox.webhooks.events.stream()
			.filter((e) -> ((Long) e.get("timestamp")) >= since)
			.filter((e) -> resource == null || resource.equals(e.get("resource_uuid")))
			.filter((e) -> type == null
					|| String.valueOf(e.get("event_type")).matches(Pattern.quote(type).replace("*", "\\E.*\\Q")))
			.toList();
		if ("desc".equals(request.queryParam("sort_order").orElse("asc"))) {
			all = new ArrayList<>(all);
			java.util.Collections.reverse(all);
		}
		int start = 0;
		if (after != null) {
			for (int i = 0; i < all.size(); i++) {
				if (after.equals(all.get(i).get("uuid"))) {
					start = i + 1;
				}
			}
		}
		int to = Math.min(all.size(), start + limit);
		return ServerResponse.ok()
			.header("X-Has-Next-Page", String.valueOf(to < all.size()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(all.subList(start, to));
	}

	Mono<ServerResponse> subscriptions(ServerRequest request) {
		if (token(request).company != null) {
			return systemOnly();
		}
		return ok(this.sandbox.webhooks.subscriptions.values().stream().map(Subscription::json).toList());
	}

	Mono<ServerResponse> subscription(ServerRequest request) {
		if (token(request).company != null) {
			return systemOnly();
		}
		Subscription subscription = this.sandbox.webhooks.subscriptions.get(request.pathVariable("subscription"));
		return (subscription != null) ? ok(subscription.json()) : notFound();
	}

	Mono<ServerResponse> createSubscription(ServerRequest request) {
		if (token(request).company != null) {
			return systemOnly();
		}
		return body(request).flatMap((body) -> {
			String url = body.path("url").isString() ? body.path("url").asString() : null;
			if (url == null || !url.matches("https?://.+")) {
				return json(HttpStatus.UNPROCESSABLE_CONTENT,
						SandboxRender.errors("url", "invalid_attribute_value", "url must be an http(s) URL"));
			}
			List<String> types = types(body);
			if (types == null) {
				return json(HttpStatus.UNPROCESSABLE_CONTENT, SandboxRender.errors("subscription_types",
						"invalid_attribute_value", "subscription_types must be a list of " + SandboxWebhooks.TYPES));
			}
			return ServerResponse.status(HttpStatus.CREATED)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(this.sandbox.webhooks.create(url, types).json());
		});
	}

	Mono<ServerResponse> updateSubscription(ServerRequest request) {
		if (token(request).company != null) {
			return systemOnly();
		}
		Subscription subscription = this.sandbox.webhooks.subscriptions.get(request.pathVariable("subscription"));
		if (subscription == null) {
			return notFound();
		}
		return body(request).flatMap((body) -> {
			List<String> types = types(body);
			if (types == null) {
				return json(HttpStatus.UNPROCESSABLE_CONTENT, SandboxRender.errors("subscription_types",
						"invalid_attribute_value", "subscription_types must be a list of " + SandboxWebhooks.TYPES));
			}
			subscription.types = types;
			return ok(subscription.json());
		});
	}

	Mono<ServerResponse> deleteSubscription(ServerRequest request) {
		if (token(request).company != null) {
			return systemOnly();
		}
		Subscription subscription = this.sandbox.webhooks.subscriptions.remove(request.pathVariable("subscription"));
		return (subscription != null) ? ServerResponse.noContent().build() : notFound();
	}

	Mono<ServerResponse> verifySubscription(ServerRequest request) {
		if (token(request).company != null) {
			return systemOnly();
		}
		String uuid = request.pathVariable("subscription");
		if (!this.sandbox.webhooks.subscriptions.containsKey(uuid)) {
			return notFound();
		}
		return body(request).flatMap((body) -> {
			String token = body.path("verification_token").isString() ? body.path("verification_token").asString()
					: null;
			if (!this.sandbox.webhooks.verify(uuid, token)) {
				return json(HttpStatus.UNPROCESSABLE_CONTENT,
						SandboxRender.errors("base", "invalid_attribute_value", "Invalid verification token"));
			}
			return ok(this.sandbox.webhooks.subscriptions.get(uuid).json());
		});
	}

	Mono<ServerResponse> requestVerificationToken(ServerRequest request) {
		if (token(request).company != null) {
			return systemOnly();
		}
		Subscription subscription = this.sandbox.webhooks.subscriptions.get(request.pathVariable("subscription"));
		if (subscription == null) {
			return notFound();
		}
		this.sandbox.webhooks.sendVerificationToken(subscription, java.time.Duration.ZERO);
		return ok(Map.of("message", "Success! The subscriber will be notified with the verification token"));
	}

	/** A JSON body; an empty one reads as {@code {}}, so the checks answer 422. */
	private static Mono<JsonNode> body(ServerRequest request) {
		return request.bodyToMono(JsonNode.class)
			.defaultIfEmpty(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
	}

	private static List<String> types(JsonNode body) {
		if (!body.path("subscription_types").isArray()) {
			return null;
		}
		List<String> types = body.path("subscription_types").valueStream().map(JsonNode::asString).toList();
		return SandboxWebhooks.TYPES.containsAll(types) ? types : null;
	}

	// ---- helpers

	private Mono<ServerResponse> withCompany(ServerRequest request,
			Function<SandboxCompany, Mono<ServerResponse>> then) {
		SandboxOAuth.AccessToken token = token(request);
		String company = request.pathVariable("company");
		if (token.company == null) {
			return json(HttpStatus.UNAUTHORIZED, SandboxRender.errors("base", "invalid_token",
					"A system access token cannot read company resources; use a company access token."));
		}
		// ASSUMPTION: a company token on another company's resources gets 404
		if (!token.company.equals(company) || this.sandbox.company(company) == null) {
			return notFound();
		}
		return then.apply(this.sandbox.company(company));
	}

	private Mono<ServerResponse> withEmployee(ServerRequest request,
			java.util.function.BiFunction<SandboxCompany, Employee, Mono<ServerResponse>> then) {
		SandboxOAuth.AccessToken token = token(request);
		SandboxCompany company = (token.company != null) ? this.sandbox.company(token.company) : null;
		Employee employee = (company != null) ? company.employeesByUuid.get(request.pathVariable("employee")) : null;
		return (employee != null) ? then.apply(company, employee) : notFound();
	}

	private Mono<ServerResponse> withDepartment(ServerRequest request,
			java.util.function.BiFunction<SandboxCompany, Department, Mono<ServerResponse>> then) {
		SandboxOAuth.AccessToken token = token(request);
		SandboxCompany company = (token.company != null) ? this.sandbox.company(token.company) : null;
		Department department = (company != null) ? company.department(request.pathVariable("department")) : null;
		return (department != null) ? then.apply(company, department) : notFound();
	}

	private void conflict(ServerRequest request, Runnable change) {
		Fault fault = this.sandbox.faults
			.matching(request.method() + " " + request.path().substring("/sandbox/gusto".length()));
		if (fault != null && Fault.take(fault.conflicts())) {
			change.run();
		}
	}

	private static Mono<ServerResponse> checkVersion(JsonNode body, String current) {
		if (!body.path("version").isString()) {
			return json(HttpStatus.UNPROCESSABLE_CONTENT,
					SandboxRender.errors("version", "invalid_attribute_value", "version is required"));
		}
		if (!current.equals(body.path("version").asString())) {
			return json(HttpStatus.CONFLICT, SandboxRender.errors("base", "invalid_resource_version",
					"You are attempting to update a resource using an out-of-date version."));
		}
		return null;
	}

	private static Set<String> list(ServerRequest request, String name, String fallback) {
		String value = request.queryParam(name).orElse(fallback);
		Set<String> values = new HashSet<>(Arrays.asList(value.split(",")));
		values.remove("");
		return values;
	}

	record Paging(int from, int to, int page, int per, int total, boolean headers, Mono<ServerResponse> problem) {

		ServerResponse.BodyBuilder headers(ServerResponse.BodyBuilder builder) {
			if (this.headers) {
				builder.header("X-Page", String.valueOf(this.page))
					.header("X-Per-Page", String.valueOf(this.per))
					.header("X-Total-Count", String.valueOf(this.total))
					.header("X-Total-Pages", String.valueOf((this.total + this.per - 1) / this.per));
			}
			return builder;
		}

	}

	private Paging paging(ServerRequest request, int total, boolean forced) {
		String pageParam = request.queryParam("page").orElse(null);
		String perParam = request.queryParam("per").orElse(null);
		if (pageParam == null && perParam == null && !forced) {
			return new Paging(0, total, 1, Math.max(total, 1), total, false, null);
		}
		int page;
		int per;
		try {
			page = (pageParam != null) ? Integer.parseInt(pageParam) : 1;
			per = (perParam != null) ? Integer.parseInt(perParam) : 25;
		}
		catch (NumberFormatException ex) {
			return new Paging(0, 0, 0, 0, 0, false, invalidParameter("page and per must be positive numbers"));
		}
		if (page < 1 || per < 1) {
			return new Paging(0, 0, 0, 0, 0, false, invalidParameter("page and per must be positive numbers"));
		}
		// ASSUMPTION: a per above the maximum is clamped silently
		per = Math.min(per, this.sandbox.properties.maxPer());
		int from = (int) Math.min((long) (page - 1) * per, total);
		int to = Math.min(from + per, total);
		return new Paging(from, to, page, per, total, true, null);
	}

	private <T> Mono<ServerResponse> page(ServerRequest request, List<T> all, boolean forced,
			Function<T, Object> render) {
		Paging paging = paging(request, all.size(), forced);
		if (paging.problem() != null) {
			return paging.problem();
		}
		List<Object> items = all.subList(paging.from(), paging.to()).stream().map(render).toList();
		return paging.headers(ServerResponse.ok()).contentType(MediaType.APPLICATION_JSON).bodyValue(items);
	}

	static Mono<ServerResponse> ok(Object body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	static Mono<ServerResponse> json(HttpStatus status, Object body) {
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	static Mono<ServerResponse> notFound() {
		return json(HttpStatus.NOT_FOUND,
				SandboxRender.errors("request", "not_found", "The requested resource was not found."));
	}

	private static Mono<ServerResponse> systemOnly() {
		return json(HttpStatus.UNAUTHORIZED, SandboxRender.errors("base", "invalid_token",
				"This endpoint needs a system access token (grant_type=system_access)."));
	}

	static Mono<ServerResponse> invalidParameter(String message) {
		return json(HttpStatus.UNPROCESSABLE_CONTENT, SandboxRender.errors("base", "invalid_parameter", message));
	}

}
