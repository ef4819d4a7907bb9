package io.mlconnector.sandbox.visma;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Test and demo controls under {@code /sandbox/visma/_admin/}: reset, stats, settings,
 * faults, token expiry, seeding a company with generated employees, and a change "by
 * another user" (a new {@code timeStamp}, so the next write with the old one gets 412).
 */
final class VismaSandboxAdmin {

	private final VismaSandbox sandbox;

	VismaSandboxAdmin(VismaSandbox sandbox) {
		this.sandbox = sandbox;
	}

	/**
	 * Settings changed at run time; null leaves a setting as it is.
	 *
	 * @param maxPageSize the cap of {@code pageSize}
	 * @param defaultPageSize the page size without {@code pageSize}
	 * @param requestsPerWindow the rate limit, 0 for none
	 * @param windowSeconds the rate-limit window
	 * @param retryAfter whether 429s carry {@code Retry-After}
	 * @param tokenLifetimeSeconds {@code expires_in} of new tokens
	 */
	record Settings(Integer maxPageSize, Integer defaultPageSize, Integer requestsPerWindow, Long windowSeconds,
			Boolean retryAfter, Long tokenLifetimeSeconds) {

	}

	/**
	 * What to seed.
	 *
	 * @param tenantId the company tenant (default: the first configured)
	 * @param employees employees to generate, replacing the company's (at most 100,000)
	 * @param seed random seed of names, departments and branches
	 */
	record Seed(String tenantId, Integer employees, Long seed) {

	}

	/**
	 * An employee changed by another user.
	 *
	 * @param tenantId the company tenant (default: the first configured)
	 * @param employeeCd the employee
	 * @param department a new department, or null
	 * @param status a new read status ({@code Active}, {@code Inactive}, ...), or null
	 */
	record Touch(String tenantId, String employeeCd, String department, String status) {

	}

	Mono<ServerResponse> reset(ServerRequest request) {
		VismaSandboxProperties properties = this.sandbox.properties();
		this.sandbox.companies().values().forEach((company) -> {
			synchronized (company) {
				SandboxSeed.seed(company, properties.employees(), 42);
			}
		});
		this.sandbox.faults().clear();
		this.sandbox.settings().reset();
		this.sandbox.rateLimit().configure(properties.requestsPerWindow(), properties.rateLimitWindow());
		this.sandbox.tokens().lifetime(properties.tokenLifetime());
		this.sandbox.resetCounters();
		return ok(Map.of("reset", true));
	}

	Mono<ServerResponse> stats(ServerRequest request) {
		return ok(this.sandbox.stats());
	}

	Mono<ServerResponse> clearStats(ServerRequest request) {
		this.sandbox.resetCounters();
		return ok(this.sandbox.stats());
	}

	Mono<ServerResponse> settings(ServerRequest request) {
		return request.bodyToMono(Settings.class)
			.defaultIfEmpty(new Settings(null, null, null, null, null, null))
			.flatMap((settings) -> {
				if ((settings.maxPageSize() != null && settings.maxPageSize() < 1)
						|| (settings.defaultPageSize() != null && settings.defaultPageSize() < 1)
						|| (settings.requestsPerWindow() != null && settings.requestsPerWindow() < 0)
						|| (settings.windowSeconds() != null && settings.windowSeconds() < 1)
						|| (settings.tokenLifetimeSeconds() != null && settings.tokenLifetimeSeconds() < 1)) {
					throw SandboxException.badRequest("maxPageSize, defaultPageSize, windowSeconds and "
							+ "tokenLifetimeSeconds are at least 1; requestsPerWindow at least 0 (0: no limit)");
				}
				SandboxSettings current = this.sandbox.settings();
				if (settings.maxPageSize() != null) {
					current.maxPageSize(settings.maxPageSize());
				}
				if (settings.defaultPageSize() != null) {
					current.defaultPageSize(settings.defaultPageSize());
				}
				if (settings.retryAfter() != null) {
					current.retryAfter(settings.retryAfter());
				}
				if (settings.requestsPerWindow() != null || settings.windowSeconds() != null) {
					SandboxRateLimit limit = this.sandbox.rateLimit();
					limit.configure(
							(settings.requestsPerWindow() != null) ? settings.requestsPerWindow() : limit.limit(),
							(settings.windowSeconds() != null) ? Duration.ofSeconds(settings.windowSeconds())
									: limit.length());
				}
				if (settings.tokenLifetimeSeconds() != null) {
					this.sandbox.tokens().lifetime(Duration.ofSeconds(settings.tokenLifetimeSeconds()));
				}
				Map<String, Object> now = new LinkedHashMap<>();
				now.put("maxPageSize", current.maxPageSize());
				now.put("defaultPageSize", current.defaultPageSize());
				now.put("requestsPerWindow", this.sandbox.rateLimit().limit());
				now.put("windowSeconds", this.sandbox.rateLimit().length().toSeconds());
				now.put("retryAfter", current.retryAfter());
				now.put("tokenLifetimeSeconds", this.sandbox.tokens().lifetime().toSeconds());
				return ok(now);
			})
			.onErrorResume(SandboxException.class, this::error);
	}

	Mono<ServerResponse> addFault(ServerRequest request) {
		return request.bodyToMono(SandboxFaults.Fault.class).flatMap((fault) -> {
			this.sandbox.faults().add(fault);
			return ok(fault);
		}).onErrorResume(SandboxException.class, this::error);
	}

	Mono<ServerResponse> clearFaults(ServerRequest request) {
		this.sandbox.faults().clear();
		return ok(Map.of("faults", 0));
	}

	Mono<ServerResponse> expireTokens(ServerRequest request) {
		this.sandbox.tokens().expireAll();
		return ok(Map.of("expired", true));
	}

	Mono<ServerResponse> seed(ServerRequest request) {
		return request.bodyToMono(Seed.class).defaultIfEmpty(new Seed(null, null, null)).flatMap((seed) -> {
			int employees = (seed.employees() != null) ? seed.employees() : 0;
			if (employees < 0 || employees > 100_000) {
				throw SandboxException.badRequest("employees is between 0 and 100,000, was " + employees);
			}
			SandboxCompany company = this.sandbox.company(seed.tenantId());
			synchronized (company) {
				SandboxSeed.employees(company, employees, (seed.seed() != null) ? seed.seed() : 42);
			}
			return ok(Map.of("tenantId", company.tenantId, "employees", employees));
		}).onErrorResume(SandboxException.class, this::error);
	}

	Mono<ServerResponse> touch(ServerRequest request) {
		return request.bodyToMono(Touch.class).flatMap((touch) -> {
			SandboxCompany company = this.sandbox.company(touch.tenantId());
			synchronized (company) {
				SandboxCompany.Employee employee = (touch.employeeCd() != null)
						? company.employeesByCd.get(touch.employeeCd()) : null;
				if (employee == null) {
					throw SandboxException.notFound("Employee with employeeCd '" + touch.employeeCd() + "' not found.");
				}
				if (touch.department() != null) {
					employee.department = touch.department();
				}
				if (touch.status() != null) {
					employee.status = touch.status();
				}
				company.touch(employee);
				return ok(Map.of("employeeCd", employee.employeeCd, "timeStamp", employee.timeStamp));
			}
		}).onErrorResume(SandboxException.class, this::error);
	}

	private Mono<ServerResponse> ok(Object body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private Mono<ServerResponse> error(SandboxException ex) {
		return ServerResponse.status(ex.status()).contentType(MediaType.APPLICATION_JSON).bodyValue(ex.body());
	}

}
