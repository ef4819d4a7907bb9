package io.mlconnector.sandbox.gusto;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.mlconnector.sandbox.gusto.SandboxCompany.Employee;
import io.mlconnector.sandbox.gusto.SandboxCompany.Payroll;
import io.mlconnector.sandbox.gusto.SandboxFaults.Fault;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Test controls under {@code /sandbox/gusto/_admin} (documented in README, "Gusto
 * sandbox").
 */
final class SandboxAdmin {

	private final GustoSandbox sandbox;

	SandboxAdmin(GustoSandbox sandbox) {
		this.sandbox = sandbox;
	}

	Mono<ServerResponse> createCompany(ServerRequest request) {
		return body(request).flatMap((body) -> {
			int employees = body.path("employees").asInt(this.sandbox.properties.employees());
			if (employees < 1 || employees > CompanyGenerator.MAX_EMPLOYEES) {
				return SandboxApi.invalidParameter(
						"employees must be between 1 and " + CompanyGenerator.MAX_EMPLOYEES + ", was " + employees);
			}
			long seed = body.path("seed").asLong(this.sandbox.properties.seed());
			long locationSeed = body.path("location_seed").asLong(seed);
			String uuid = body.path("company_uuid").isString() ? body.path("company_uuid").asString() : null;
			LocalDate asOf;
			try {
				asOf = body.path("as_of").isString() ? LocalDate.parse(body.path("as_of").asString()) : null;
			}
			catch (RuntimeException ex) {
				return SandboxApi.invalidParameter("as_of must be a date as YYYY-MM-DD");
			}
			SandboxCompany company = this.sandbox.create(uuid, employees, seed, locationSeed, asOf);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("company_uuid", company.uuid);
			json.put("employees", company.employees.size());
			json.put("payrolls", company.payrolls.stream()
				.map((p) -> Map.of("uuid", p.uuid, "kind", p.kind.name().toLowerCase(), "processed", p.processed,
						"cancelled", p.cancelled, "employees", (p.paid != null) ? p.paid.size() : 0))
				.toList());
			return ServerResponse.status(HttpStatus.CREATED)
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.bodyValue(json);
		});
	}

	Mono<ServerResponse> processPayroll(ServerRequest request) {
		return body(request).flatMap((body) -> {
			SandboxCompany company = company(request, body);
			if (company == null) {
				return SandboxApi.notFound();
			}
			Payroll payroll;
			synchronized (company) {
				payroll = CompanyGenerator.processNext(company, this.sandbox.today());
			}
			this.sandbox.webhooks.emit(company.uuid, "payroll.submitted", "Payroll", payroll.uuid);
			this.sandbox.webhooks.emit(company.uuid, "payroll.processed", "Payroll", payroll.uuid);
			return SandboxApi.ok(Map.of("payroll_uuid", payroll.uuid, "employees", payroll.paid.size()));
		});
	}

	/**
	 * Reverses a processed payroll: {@code {"employees": [uuid, ...]}} reverses only
	 * those employees (a partial reversal), else all. Emits {@code payroll.processed} for
	 * the new reversal payroll (unless {@code "emit_processed": false}) and
	 * {@code payroll.reversed} or {@code payroll.partially_reversed} for the original.
	 */
	Mono<ServerResponse> reversePayroll(ServerRequest request) {
		return body(request).flatMap((body) -> {
			SandboxCompany company = company(request, body);
			Payroll original = (company != null) ? company.payroll(request.pathVariable("payroll")) : null;
			if (original == null) {
				return SandboxApi.notFound();
			}
			java.util.Set<String> employees = new java.util.HashSet<>();
			body.path("employees").forEach((employee) -> employees.add(employee.asString()));
			Payroll reversal;
			boolean partial;
			synchronized (company) {
				if (!original.processed || original.kind == SandboxCompany.Kind.REVERSAL) {
					return SandboxApi
						.invalidParameter("only a processed payroll that is not a reversal can be reversed");
				}
				if (original.paid.stream().noneMatch((e) -> employees.isEmpty() || employees.contains(e.uuid))) {
					return SandboxApi.invalidParameter("none of the employees was paid in payroll " + original.uuid);
				}
				reversal = CompanyGenerator.reverse(company, original, employees, this.sandbox.today());
				partial = reversal.paid.size() < original.paid.size();
			}
			if (body.path("emit_processed").asBoolean(true)) {
				this.sandbox.webhooks.emit(company.uuid, "payroll.processed", "Payroll", reversal.uuid);
			}
			this.sandbox.webhooks.emit(company.uuid, partial ? "payroll.partially_reversed" : "payroll.reversed",
					"Payroll", original.uuid);
			return SandboxApi.ok(Map.of("payroll_uuid", reversal.uuid, "reverses", original.uuid, "employees",
					reversal.paid.size(), "partial", partial));
		});
	}

	/**
	 * Cancels a processed payroll, as Gusto allows before its deadline: it is unprocessed
	 * again, and {@code payroll.cancelled} is emitted.
	 */
	Mono<ServerResponse> cancelPayroll(ServerRequest request) {
		return body(request).flatMap((body) -> {
			SandboxCompany company = company(request, body);
			Payroll payroll = (company != null) ? company.payroll(request.pathVariable("payroll")) : null;
			if (payroll == null) {
				return SandboxApi.notFound();
			}
			synchronized (company) {
				if (!payroll.processed) {
					return SandboxApi.invalidParameter("payroll " + payroll.uuid + " is not processed");
				}
				payroll.processed = false;
				payroll.cancelled = true;
			}
			this.sandbox.webhooks.emit(company.uuid, "payroll.cancelled", "Payroll", payroll.uuid);
			return SandboxApi.ok(Map.of("payroll_uuid", payroll.uuid, "cancelled", true));
		});
	}

	/**
	 * Emits {@code payroll.paid} for a processed payroll (Gusto's demo never does).
	 */
	Mono<ServerResponse> payPayroll(ServerRequest request) {
		return body(request).flatMap((body) -> {
			SandboxCompany company = company(request, body);
			Payroll payroll = (company != null) ? company.payroll(request.pathVariable("payroll")) : null;
			if (payroll == null) {
				return SandboxApi.notFound();
			}
			if (!payroll.processed) {
				return SandboxApi.invalidParameter("payroll " + payroll.uuid + " is not processed");
			}
			this.sandbox.webhooks.emit(company.uuid, "payroll.paid", "Payroll", payroll.uuid);
			return SandboxApi.ok(Map.of("payroll_uuid", payroll.uuid, "paid", true));
		});
	}

	Mono<ServerResponse> createEmployee(ServerRequest request) {
		return body(request).flatMap((body) -> {
			SandboxCompany company = company(request, body);
			if (company == null) {
				return SandboxApi.notFound();
			}
			Employee employee;
			synchronized (company) {
				int index = company.createdEmployees++;
				employee = CompanyGenerator.employee(company, new SplittableRandom(company.seed + index), index,
						this.sandbox.today());
				employee.terminatedOn = null;
				apply(company, employee, body);
				company.add(employee);
			}
			if (sendsWebhook(body)) {
				this.sandbox.webhooks.emit(company.uuid, "employee.created", "Employee", employee.uuid);
			}
			return SandboxApi.ok(SandboxRender.employee(company, employee));
		});
	}

	Mono<ServerResponse> updateEmployee(ServerRequest request) {
		return body(request).flatMap((body) -> withEmployee(request, body, (company, employee) -> {
			if (body.path("work_location_effective_date").isString()) {
				try {
					LocalDate.parse(body.path("work_location_effective_date").asString());
				}
				catch (RuntimeException ex) {
					return SandboxApi.invalidParameter("work_location_effective_date must be a date as YYYY-MM-DD");
				}
			}
			apply(company, employee, body);
			if (sendsWebhook(body)) {
				this.sandbox.webhooks.emit(company.uuid, "employee.updated", "Employee", employee.uuid);
			}
			return SandboxApi.ok(SandboxRender.employee(company, employee));
		}));
	}

	Mono<ServerResponse> terminateEmployee(ServerRequest request) {
		return body(request).flatMap((body) -> withEmployee(request, body, (company, employee) -> {
			LocalDate effective;
			try {
				effective = body.path("effective_date").isString()
						? LocalDate.parse(body.path("effective_date").asString()) : this.sandbox.today();
			}
			catch (RuntimeException ex) {
				return SandboxApi.invalidParameter("effective_date must be a date as YYYY-MM-DD");
			}
			employee.terminatedOn = effective;
			employee.terminationUuid = SandboxCompany.id(company.seed, "termination", employee.index);
			this.sandbox.webhooks.emit(company.uuid, "employee.terminated", "Employee", employee.uuid);
			return SandboxApi.ok(SandboxRender.employee(company, employee));
		}));
	}

	/**
	 * Rehires a terminated employee: employed again from the given day (today by
	 * default), the termination withdrawn, {@code employee.rehired} sent.
	 */
	Mono<ServerResponse> rehireEmployee(ServerRequest request) {
		return body(request).flatMap((body) -> withEmployee(request, body, (company, employee) -> {
			if (employee.terminatedOn == null) {
				return SandboxApi.invalidParameter("the employee is not terminated, so cannot be rehired");
			}
			try {
				if (body.path("effective_date").isString()) {
					LocalDate.parse(body.path("effective_date").asString());
				}
			}
			catch (RuntimeException ex) {
				return SandboxApi.invalidParameter("effective_date must be a date as YYYY-MM-DD");
			}
			employee.terminatedOn = null;
			employee.terminationUuid = null;
			employee.bump++;
			this.sandbox.webhooks.emit(company.uuid, "employee.rehired", "Employee", employee.uuid);
			return SandboxApi.ok(SandboxRender.employee(company, employee));
		}));
	}

	Mono<ServerResponse> addFault(ServerRequest request) {
		return body(request).flatMap((body) -> {
			if (body.path("expire_tokens").asBoolean(false)) {
				this.sandbox.oauth.expireAll();
			}
			Fault fault = new Fault(body.path("endpoint").isString() ? body.path("endpoint").asString() : null,
					body.path("latency_ms").asLong(0), body.path("error_rate").asDouble(0),
					new AtomicInteger(body.path("server_errors").asInt(0)),
					new AtomicInteger(body.path("rate_limit_burst").asInt(0)),
					new AtomicInteger(body.path("drop_connections").asInt(0)),
					new AtomicInteger(body.path("conflicts").asInt(0)));
			this.sandbox.faults.add(fault);
			return SandboxApi.ok(Map.of("faults", this.sandbox.faults.all().size()));
		});
	}

	Mono<ServerResponse> clearFaults(ServerRequest request) {
		this.sandbox.faults.clear();
		return ServerResponse.noContent().build();
	}

	Mono<ServerResponse> tokens(ServerRequest request) {
		return body(request).flatMap((body) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			if (body.path("access_token_lifetime_seconds").isNumber()) {
				this.sandbox.oauth.lifetime(Duration.ofSeconds(body.path("access_token_lifetime_seconds").asLong()));
			}
			if (body.path("expire_all").asBoolean(false)) {
				this.sandbox.oauth.expireAll();
				json.put("expired", true);
			}
			if (body.path("revoke_refresh_tokens").asBoolean(false)) {
				json.put("revoked_refresh_tokens", this.sandbox.oauth.revokeRefreshTokens(
						body.path("company_uuid").isString() ? body.path("company_uuid").asString() : null));
			}
			return SandboxApi.ok(json);
		});
	}

	Mono<ServerResponse> rateLimit(ServerRequest request) {
		return body(request).flatMap((body) -> {
			int requests = body.path("requests").asInt(this.sandbox.properties.rateLimit());
			long window = body.path("window_seconds").asLong(this.sandbox.properties.rateLimitWindow().toSeconds());
			if (requests < 1 || window < 1) {
				return SandboxApi.invalidParameter("requests and window_seconds must be positive");
			}
			this.sandbox.rateLimit.configure(requests, Duration.ofSeconds(window));
			return SandboxApi.ok(Map.of("requests", requests, "window_seconds", window));
		});
	}

	Mono<ServerResponse> webhooks(ServerRequest request) {
		return body(request).flatMap((body) -> {
			this.sandbox.webhooks.duplicate = body.path("duplicate").asBoolean(false);
			this.sandbox.webhooks.reorder = body.path("reorder").asBoolean(false);
			if (body.path("first_retry_ms").isNumber()) {
				this.sandbox.webhooks.firstRetry = Duration.ofMillis(body.path("first_retry_ms").asLong());
			}
			if (body.path("max_retry_delay_ms").isNumber()) {
				this.sandbox.webhooks.maxRetryDelay = Duration.ofMillis(body.path("max_retry_delay_ms").asLong());
			}
			return SandboxApi
				.ok(Map.of("duplicate", this.sandbox.webhooks.duplicate, "reorder", this.sandbox.webhooks.reorder));
		});
	}

	Mono<ServerResponse> stats(ServerRequest request) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("requests", this.sandbox.requests.get());
		json.put("rate_limited", this.sandbox.rateLimited.get());
		json.put("unauthorized", this.sandbox.unauthorized.get());
		json.put("authorization_code_requests", this.sandbox.oauth.authorizationCodeRequests.get());
		json.put("refresh_requests", this.sandbox.oauth.refreshRequests.get());
		json.put("rejected_refresh_requests", this.sandbox.oauth.rejectedRefreshRequests.get());
		json.put("system_access_requests", this.sandbox.oauth.systemAccessRequests.get());
		json.put("webhook_deliveries", this.sandbox.webhooks.deliveries.get());
		json.put("failed_webhook_deliveries", this.sandbox.webhooks.failedDeliveries.get());
		json.put("rate_limit", Map.of("requests", this.sandbox.rateLimit.limit(), "window_seconds",
				this.sandbox.rateLimit.window().toMillis() / 1000.0));
		return SandboxApi.ok(json);
	}

	Mono<ServerResponse> resetStats(ServerRequest request) {
		this.sandbox.resetCounters();
		this.sandbox.rateLimit.reset();
		return ServerResponse.noContent().build();
	}

	Mono<ServerResponse> credentials(ServerRequest request) {
		return SandboxApi.ok(Map.of("client_id", this.sandbox.properties.clientId(), "client_secret",
				this.sandbox.properties.clientSecret(), "verification_token",
				this.sandbox.webhooks.verificationToken()));
	}

	private void apply(SandboxCompany company, Employee employee, JsonNode body) {
		if (body.path("first_name").isString()) {
			employee.firstName = body.path("first_name").asString();
		}
		if (body.path("last_name").isString()) {
			employee.lastName = body.path("last_name").asString();
		}
		if (body.path("email").isString()) {
			employee.email = body.path("email").asString();
		}
		if (body.path("work_location_uuid").isString()) {
			String location = body.path("work_location_uuid").asString();
			LocalDate effective = body.path("work_location_effective_date").isString()
					? LocalDate.parse(body.path("work_location_effective_date").asString()) : this.sandbox.today();
			company.locations.stream()
				.filter((l) -> l.uuid.equals(location))
				.findFirst()
				.ifPresent((l) -> employee.relocate(l, effective));
		}
		if (body.path("department").isString()) {
			String title = body.path("department").asString();
			company.departments.stream()
				.filter((d) -> d.title.equals(title))
				.findFirst()
				.ifPresent((d) -> employee.department = d);
		}
	}

	private Mono<ServerResponse> withEmployee(ServerRequest request, JsonNode body,
			java.util.function.BiFunction<SandboxCompany, Employee, Mono<ServerResponse>> then) {
		String uuid = request.pathVariable("employee");
		for (SandboxCompany company : List.copyOf(this.sandbox.companies.values())) {
			Employee employee = company.employeesByUuid.get(uuid);
			if (employee != null) {
				synchronized (company) {
					return then.apply(company, employee);
				}
			}
		}
		return SandboxApi.notFound();
	}

	private SandboxCompany company(ServerRequest request, JsonNode body) {
		String uuid = request.queryParam("company_uuid")
			.orElse(body.path("company_uuid").isString() ? body.path("company_uuid").asString() : null);
		return this.sandbox.company(uuid);
	}

	/**
	 * Whether a change sends its webhook: {@code "send_webhook": false} makes it an event
	 * the subscriber never gets, as when a delivery is lost.
	 */
	private static boolean sendsWebhook(JsonNode body) {
		return body.path("send_webhook").asBoolean(true);
	}

	private static Mono<JsonNode> body(ServerRequest request) {
		return request.bodyToMono(JsonNode.class).defaultIfEmpty(JsonNodeFactory.instance.objectNode());
	}

}
