package io.mlconnector.visma;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.mlconnector.outbound.OutboundRetry;
import io.mlconnector.outbound.RateLimit;
import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.tenant.VismaConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Visma.net ERP API of one tenant's Visma company ({@code <base-url>/v1/...}
 * [DOC-baseurl]). Every attempt:
 * <ul>
 * <li>waits if Visma's last {@code X-RateLimit-*} headers say the hourly window is used
 * up, then takes a permit from the shared budget {@code visma:<company tenant
 * id>:<client id>} (the limit is per company and client [DOC-rate]), sized from
 * {@code requests-per-hour} or the lower {@code X-RateLimit-Limit} Visma announced;</li>
 * <li>carries the company's token (401: a new token, the request once more, then
 * {@link VismaAuthenticationException} naming the likely cause) and
 * {@code ipp-company-id} when configured;</li>
 * <li>on 429 waits {@code Retry-After}, else {@code X-RateLimit-Reset}; 5xx and timeouts
 * of reads and updates back off with jitter ({@link OutboundRetry}); a create without an
 * answer is {@link VismaOutcomeUnknownException}, never repeated;</li>
 * <li>412 is {@link VismaConflictException}; any other error is a {@link VismaException}
 * with Visma's {@code ExceptionType}, {@code ExceptionMessage}, ...</li>
 * </ul>
 * URIs are templates ({@code /v1/employee/{employeeCd}}), so the request metrics name the
 * endpoint, not the employee.
 */
public final class VismaClient {

	private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

	private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

	private final String tenant;

	private final VismaConnection connection;

	private final WebClient web;

	private final VismaTokens tokens;

	private final RequestBudget budget;

	private final String budgetName;

	private final VismaRateWindow window = new VismaRateWindow();

	private final OutboundRetry retry;

	private final VismaProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	VismaClient(String tenant, VismaConnection connection, WebClient web, VismaTokens tokens, RequestBudget budget,
			VismaProperties properties, JsonMapper json, Clock clock) {
		this.tenant = tenant;
		this.connection = connection;
		this.web = web;
		this.tokens = tokens;
		this.budget = budget;
		this.budgetName = budgetName(connection);
		this.properties = properties;
		this.retry = new OutboundRetry(properties.maxRetries(), OutboundRetry.DEFAULT.firstBackoff(),
				OutboundRetry.DEFAULT.maxBackoff(), properties.maxRateLimitWait());
		this.json = json;
		this.clock = clock;
	}

	static String budgetName(VismaConnection connection) {
		String name = "visma:" + connection.tenantId() + ":" + connection.clientId();
		return (name.length() <= 120) ? name
				: "visma:" + connection.tenantId() + ":" + Integer.toHexString(connection.clientId().hashCode());
	}

	public String tenant() {
		return this.tenant;
	}

	public VismaConnection connection() {
		return this.connection;
	}

	/**
	 * The rate limit the shared budget enforces now: {@code requests-per-hour}, or the
	 * lower limit Visma announced in {@code X-RateLimit-Limit}.
	 * @return the limit
	 */
	public RateLimit rateLimit() {
		long announced = this.window.limit();
		long configured = this.connection.requestsPerHour();
		long requests = (announced > 0 && announced < configured) ? announced : configured;
		return new RateLimit(requests, this.properties.rateLimitWindow());
	}

	/**
	 * Token requests this instance sent for the company.
	 * @return the count
	 */
	public long tokenRequests() {
		return this.tokens.requested();
	}

	// ---- employees ----------------------------------------------------------------

	/**
	 * Every employee, page by page ({@code pageNumber}/{@code pageSize}, always both
	 * [DOC-paging]) until a short page or {@code metadata.totalCount}. A server that caps
	 * {@code pageSize} silently [SPEC-3P] is asked for its {@code maxPageSize} from the
	 * second page on, so no record is skipped.
	 * @return the employees, in server order
	 */
	public Flux<VismaEmployee> employees() {
		return employeePages(Map.of()).concatMapIterable(Page::items, 1);
	}

	/**
	 * Employees changed at or after a moment of the server's clock
	 * ({@code lastModifiedDateTime} with {@code lastModifiedDateTimeCondition=>=}, sent
	 * together as Visma requires [SPEC-3P]). Visma does not document the zone of these
	 * values: start a delta from an earlier moment than the last one seen and
	 * de-duplicate on {@code employeeNumber} + {@code timeStamp}.
	 * @param since server-local date and time
	 * @return the employees
	 */
	public Flux<VismaEmployee> employeesModifiedSince(LocalDateTime since) {
		Map<String, String> filter = new LinkedHashMap<>();
		filter.put("lastModifiedDateTime", MODIFIED.format(since));
		filter.put("lastModifiedDateTimeCondition", ">=");
		return employeePages(filter).concatMapIterable(Page::items, 1);
	}

	/**
	 * The pages of the employee list, fetched one after the other.
	 * @param filter further query parameters
	 * @return the pages
	 */
	Flux<Page> employeePages(Map<String, String> filter) {
		int asked = this.connection.pageSize();
		return employeePage(filter, 1, asked).expand((page) -> page.hasNext()
				? employeePage(filter, page.number() + 1, page.effectiveSize()) : Mono.empty());
	}

	private Mono<Page> employeePage(Map<String, String> filter, int number, int size) {
		StringBuilder template = new StringBuilder("/v1/employee?pageNumber={pageNumber}&pageSize={pageSize}");
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("pageNumber", number);
		variables.put("pageSize", size);
		filter.forEach((name, value) -> {
			template.append('&').append(name).append("={").append(name).append('}');
			variables.put(name, value);
		});
		return exchange(new Call(HttpMethod.GET, template.toString(), variables, null, null, true,
				"GET /v1/employee page " + number))
			.map((reply) -> {
				VismaEmployee[] items = read(reply, VismaEmployee[].class, "GET /v1/employee");
				return Page.of(number, size, List.of(items));
			});
	}

	/**
	 * One page of a list and what it says about the next.
	 *
	 * @param number the page number (from 1)
	 * @param asked the page size asked for
	 * @param items the records
	 * @param totalCount {@code metadata.totalCount}, or null
	 * @param maxPageSize {@code metadata.maxPageSize}, or null
	 */
	record Page(int number, int asked, List<VismaEmployee> items, Long totalCount, Long maxPageSize) {

		static Page of(int number, int asked, List<VismaEmployee> items) {
			VismaEmployee.Metadata metadata = items.stream()
				.map(VismaEmployee::metadata)
				.filter((m) -> m != null)
				.findFirst()
				.orElse(null);
			return new Page(number, asked, items, (metadata != null) ? metadata.totalCount() : null,
					(metadata != null) ? metadata.maxPageSize() : null);
		}

		/**
		 * The page size the server really used: its {@code maxPageSize} when lower than
		 * what was asked; without metadata, a first page that came back short of a larger
		 * total shows the cap by its length.
		 * @return the size
		 */
		int effectiveSize() {
			if (this.maxPageSize != null && this.maxPageSize > 0 && this.maxPageSize < this.asked) {
				return this.maxPageSize.intValue();
			}
			if (this.maxPageSize == null && this.number == 1 && this.totalCount != null && !this.items.isEmpty()
					&& this.items.size() < this.asked && this.totalCount > this.items.size()) {
				return this.items.size();
			}
			return this.asked;
		}

		boolean hasNext() {
			int size = effectiveSize();
			if (this.items.isEmpty() || this.items.size() < size) {
				return false;
			}
			return this.totalCount == null
					|| (long) (this.number - 1) * this.asked + this.items.size() < this.totalCount;
		}

	}

	/**
	 * One employee with its {@code timeStamp} (the ETag).
	 * @param employeeCd the employee number; ids with URL-reserved characters are sent as
	 * {@code b64(<base64url>)} [KB]
	 * @return the employee; {@link VismaException} with status 404 when there is none
	 */
	public Mono<VismaEmployee> employee(String employeeCd) {
		return exchange(new Call(HttpMethod.GET, "/v1/employee/{employeeCd}", Map.of("employeeCd", id(employeeCd)),
				null, null, true, "GET /v1/employee/" + employeeCd))
			.map((reply) -> withEtag(read(reply, VismaEmployee.class, "GET /v1/employee/" + employeeCd), reply));
	}

	/**
	 * One employee, or nothing when Visma has none with that number: the look-up before a
	 * create (Visma documents no idempotency for POST).
	 * @param employeeCd the employee number
	 * @return the employee, or empty
	 */
	public Mono<VismaEmployee> findEmployee(String employeeCd) {
		return employee(employeeCd).onErrorResume((ex) -> ex instanceof VismaException visma && visma.status() == 404,
				(ex) -> Mono.empty());
	}

	/**
	 * Creates an employee: POST with {@code {value}}-wrapped fields, 201 with the new
	 * record's URL in {@code Location} [KB].
	 * @param change the employee; see {@link VismaEmployeeChange} for the required fields
	 * @return the employee number from {@code Location}
	 */
	public Mono<VismaCreated> createEmployee(VismaEmployeeChange change) {
		return exchange(new Call(HttpMethod.POST, "/v1/employee", Map.of(), change.createBody(), null, false,
				"POST /v1/employee " + change.employeeCd()))
			.map(this::created);
	}

	/**
	 * Updates an employee: PUT with {@code If-Match}, 204 without a body [SPEC-3P];
	 * re-read it when the result is needed.
	 * @param employeeCd the employee number
	 * @param timeStamp the {@code timeStamp} read last, sent as {@code If-Match}; null
	 * sends none (Visma then overwrites whatever is there)
	 * @param change the fields to write (the contact is required by Visma)
	 * @return the new ETag, or empty if Visma sent none; {@link VismaConflictException}
	 * if the employee changed since {@code timeStamp}
	 */
	public Mono<String> updateEmployee(String employeeCd, String timeStamp, VismaEmployeeChange change) {
		if (change.employeeCd() != null && !change.employeeCd().equals(employeeCd)) {
			return Mono.error(new IllegalArgumentException("the employee number " + employeeCd
					+ " cannot be changed by PUT; Visma has the changeEmployeeCd action for that"));
		}
		return exchange(new Call(HttpMethod.PUT, "/v1/employee/{employeeCd}", Map.of("employeeCd", id(employeeCd)),
				change.updateBody(), timeStamp, true, "PUT /v1/employee/" + employeeCd))
			.flatMap((reply) -> Mono.justOrEmpty(unquote(reply.headers().getETag())));
	}

	/**
	 * Sets a leaver inactive (Visma has no DELETE for employees) or a rehire active
	 * again: the employee as read, with another status, under its {@code timeStamp}.
	 * @param current the employee as read last
	 * @param status the new status
	 * @return the new ETag, or empty; {@link VismaConflictException} if it changed since
	 */
	public Mono<String> changeStatus(VismaEmployee current, VismaEmployeeStatus status) {
		return updateEmployee(current.employeeNumber(), current.timeStamp(),
				VismaEmployeeChange.withStatus(current, status));
	}

	// ---- departments, branches, dimensions ----------------------------------------

	/**
	 * Every department ({@code GET /v1/department} has no paging parameters [SPEC-3P]).
	 * @return the departments
	 */
	public Flux<VismaDepartment> departments() {
		return exchange(new Call(HttpMethod.GET, "/v1/department", Map.of(), null, null, true, "GET /v1/department"))
			.flatMapMany((reply) -> Flux.fromArray(read(reply, VismaDepartment[].class, "GET /v1/department")));
	}

	/**
	 * The company's branches. ASSUMPTION: {@code GET /v1/branch}, see
	 * {@link VismaBranch}.
	 * @return the branches
	 */
	public Flux<VismaBranch> branches() {
		return exchange(new Call(HttpMethod.GET, "/v1/branch", Map.of(), null, null, true, "GET /v1/branch"))
			.flatMapMany((reply) -> Flux.fromArray(read(reply, VismaBranch[].class, "GET /v1/branch")));
	}

	/**
	 * A dimension segment with its values, e.g. {@code SUBACCOUNT} segment 1.
	 * @param dimensionId the dimension, e.g. {@code SUBACCOUNT}
	 * @param segmentId the segment number
	 * @return the segment with its {@code timeStamp}
	 */
	public Mono<VismaSegment> segment(String dimensionId, int segmentId) {
		String what = "GET /v1/dimension/" + dimensionId + "/" + segmentId;
		return exchange(new Call(HttpMethod.GET, "/v1/dimension/{dimensionId}/{segmentId}",
				Map.of("dimensionId", dimensionId, "segmentId", segmentId), null, null, true, what))
			.map((reply) -> {
				VismaSegment segment = read(reply, VismaSegment.class, what);
				String etag = unquote(reply.headers().getETag());
				return (segment.timeStamp() == null && etag != null) ? new VismaSegment(segment.internalId(),
						segment.segmentId(), segment.description(), segment.length(), etag, segment.segmentValues())
						: segment;
			});
	}

	/**
	 * Adds values to a segment: PUT with {@code segmentValues[].operation = Insert}, 204
	 * [SPEC-3P].
	 * @param dimensionId the dimension
	 * @param segmentId the segment number
	 * @param timeStamp the segment's {@code timeStamp} read last ({@code If-Match}), or
	 * null
	 * @param values the values to insert
	 * @return completes when Visma accepted them; {@link VismaConflictException} if the
	 * segment changed since
	 */
	public Mono<Void> insertSegmentValues(String dimensionId, int segmentId, String timeStamp,
			List<VismaSegment.Value> values) {
		List<Map<String, Object>> inserts = new ArrayList<>();
		for (VismaSegment.Value value : values) {
			Map<String, Object> insert = new LinkedHashMap<>();
			insert.put("operation", "Insert");
			insert.put("value", value.valueId());
			insert.put("description", Map.of("value", value.description()));
			insert.put("active", Map.of("value", !Boolean.FALSE.equals(value.active())));
			inserts.add(insert);
		}
		String what = "PUT /v1/dimension/" + dimensionId + "/" + segmentId;
		return exchange(new Call(HttpMethod.PUT, "/v1/dimension/{dimensionId}/{segmentId}",
				Map.of("dimensionId", dimensionId, "segmentId", segmentId), Map.of("segmentValues", inserts), timeStamp,
				true, what))
			.then();
	}

	// ---- plumbing -----------------------------------------------------------------

	record Call(HttpMethod method, String template, Map<String, ?> variables, Object body, String ifMatch,
			boolean safeToRepeat, String description) {

	}

	record Reply(int status, HttpHeaders headers, byte[] body) {

	}

	Mono<Reply> exchange(Call call) {
		Mono<Reply> attempt = Mono
			.defer(() -> windowPermit(call).then(Mono.defer(() -> this.budget.acquire(this.budgetName, rateLimit())))
				.then(this.tokens.token())
				.flatMap((token) -> send(call, token)));
		return attempt
			.retryWhen(Retry.max(1)
				.filter((ex) -> ex instanceof TokenRefused)
				.doBeforeRetry((signal) -> this.tokens.invalidate(((TokenRefused) signal.failure()).token))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.onErrorMap(TokenRefused.class, (ex) -> refusedTwice(call, ex))
			.retryWhen(this.retry.toRetry())
			.onErrorMap(VismaRetryLaterException.class, VismaRetryLaterException::exhausted);
	}

	private Mono<Void> windowPermit(Call call) {
		Duration wait = this.window.take(this.clock.instant());
		if (wait.isZero()) {
			return Mono.empty();
		}
		if (wait.compareTo(this.properties.maxRateLimitWait()) > 0) {
			return Mono.error(new VismaRateLimitedException(
					prefix(call.description()) + "not sent: Visma's hourly "
							+ "limit for this company and client is used up (X-RateLimit-Remaining 0) and resets in "
							+ wait.toSeconds() + " s, longer than mlc.visma.max-rate-limit-wait; retry after the reset",
					wait, VismaError.NONE));
		}
		return Mono.delay(wait).then();
	}

	private Mono<Reply> send(Call call, String token) {
		String uri = this.connection.baseUrl().toString().replaceAll("/+$", "") + call.template();
		WebClient.RequestBodySpec request = this.web.method(call.method())
			.uri(uri, call.variables())
			.headers((headers) -> {
				headers.setBearerAuth(token);
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
				if (this.connection.ippCompanyId() != null && !this.connection.ippCompanyId().isBlank()) {
					headers.set("ipp-company-id", this.connection.ippCompanyId());
				}
				if (call.ifMatch() != null) {
					headers.set(HttpHeaders.IF_MATCH, "\"" + unquote(call.ifMatch()) + "\"");
				}
			});
		WebClient.RequestHeadersSpec<?> spec = (call.body() != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(this.json.writeValueAsBytes(call.body()))
				: request;
		return spec
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((body) -> new Reply(response.statusCode().value(), response.headers().asHttpHeaders(), body)))
			.onErrorMap((ex) -> !(ex instanceof VismaException) && !(ex instanceof VismaRetryLaterException),
					(ex) -> noAnswer(call, ex))
			.flatMap((reply) -> {
				this.window.observe(reply.headers(), this.clock.instant());
				if (reply.status() < 400) {
					return Mono.just(reply);
				}
				RuntimeException error = error(call, reply);
				return Mono.error((reply.status() == 401) ? new TokenRefused(token, error) : error);
			});
	}

	private RuntimeException noAnswer(Call call, Throwable ex) {
		String what = (ex instanceof TimeoutException || ex.getCause() instanceof TimeoutException)
				? "no answer within " + this.properties.requestTimeout().toSeconds() + " s"
				: "no answer (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")";
		if (call.safeToRepeat()) {
			return new VismaRetryLaterException(prefix(call.description()) + what, 0, VismaError.NONE, null, ex);
		}
		return new VismaOutcomeUnknownException(prefix(call.description()) + what + ". Visma may or may not have "
				+ "created the record and documents no idempotency for POST: look it up before creating it again.", 0,
				VismaError.NONE, ex);
	}

	RuntimeException error(Call call, Reply reply) {
		int status = reply.status();
		VismaError error = VismaError.parse(reply.body(), this.json);
		String said = error.summary().isEmpty() ? "" : ": " + error.summary();
		String text = prefix(call.description()) + status + said;
		Duration retryAfter = retryAfter(reply.headers());
		if (status == 429) {
			Duration wait = (retryAfter != null) ? retryAfter : Duration.ofSeconds(1);
			this.window.exhausted(wait, this.clock.instant());
			if (wait.compareTo(this.properties.maxRateLimitWait()) > 0) {
				return new VismaRateLimitedException(text + ". Visma's hourly limit for this company and client is "
						+ "used up and resets in " + wait.toSeconds()
						+ " s, longer than mlc.visma.max-rate-limit-wait; retry after the reset", wait, error);
			}
			return new VismaRetryLaterException(text, status, error, wait, null);
		}
		if (status >= 500) {
			if (call.safeToRepeat()) {
				return new VismaRetryLaterException(text, status, error, null, null);
			}
			if (status == 500) {
				// Visma documents InternalServerError as "POST operation failed"
				return new VismaException(text + ". Visma says the create failed.", status, error);
			}
			return new VismaOutcomeUnknownException(
					text + ". Visma may or may not have created the record: look it " + "up before creating it again.",
					status, error, null);
		}
		return switch (status) {
			case 412 -> new VismaConflictException(text + ". The record changed since it was read: re-read it, apply "
					+ "the change again and send it with the new timeStamp.", error);
			case 403 -> new VismaAuthenticationException(text + ". The token lacks the scope for " + call.method()
					+ " (" + scopeFor(call.method()) + "): grant it to the service application in the Visma "
					+ "Developer Portal, have the tenant approve it, and list it in mlc.tenants." + this.tenant
					+ ".visma.scope", status, error);
			default -> new VismaException(text, status, error);
		};
	}

	private VismaAuthenticationException refusedTwice(Call call, TokenRefused ex) {
		VismaError error = (ex.error instanceof VismaException visma) ? visma.error() : VismaError.NONE;
		return new VismaAuthenticationException(prefix(call.description()) + "401 with a freshly issued token"
				+ (error.summary().isEmpty() ? "" : " (" + error.summary() + ")")
				+ ". Visma Connect issues tokens for a customer tenant id too, but the API refuses them: check that "
				+ "mlc.tenants." + this.tenant + ".visma.tenant-id is the company tenant id (Visma Admin > Company > "
				+ "Configuration > Tenant id), and that the scope includes " + scopeFor(call.method()), 401, error);
	}

	private static String scopeFor(HttpMethod method) {
		if (HttpMethod.POST.equals(method)) {
			return "vismanet_erp_service_api:create";
		}
		if (HttpMethod.PUT.equals(method)) {
			return "vismanet_erp_service_api:update";
		}
		return "vismanet_erp_service_api:read";
	}

	/**
	 * {@code Retry-After} if Visma sent it (not documented), else
	 * {@code X-RateLimit-Reset} (seconds until the window resets [DOC-rate]).
	 */
	static Duration retryAfter(HttpHeaders headers) {
		for (String name : List.of(HttpHeaders.RETRY_AFTER, "X-RateLimit-Reset")) {
			String value = headers.getFirst(name);
			if (value != null && !value.isBlank()) {
				try {
					return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
				}
				catch (NumberFormatException ex) {
					// not seconds: try the next header
				}
			}
		}
		return null;
	}

	/** A 401: the token is renewed once and the request repeated once. */
	private static final class TokenRefused extends RuntimeException {

		private final String token;

		private final RuntimeException error;

		TokenRefused(String token, RuntimeException error) {
			super(error.getMessage(), null, false, false);
			this.token = token;
			this.error = error;
		}

	}

	private VismaCreated created(Reply reply) {
		URI location = (reply.headers().getLocation() != null) ? reply.headers().getLocation() : null;
		if (location == null) {
			throw new VismaException(prefix("POST") + reply.status() + " without a Location header: the new record's "
					+ "id is unknown; look it up before creating it again", reply.status(), VismaError.NONE);
		}
		String path = location.getPath().replaceAll("/+$", "");
		String id = path.substring(path.lastIndexOf('/') + 1);
		if (id.startsWith("b64(") && id.endsWith(")")) {
			id = new String(Base64.getUrlDecoder().decode(id.substring(4, id.length() - 1)), StandardCharsets.UTF_8);
		}
		return new VismaCreated(id, location, unquote(reply.headers().getETag()));
	}

	private VismaEmployee withEtag(VismaEmployee employee, Reply reply) {
		String etag = unquote(reply.headers().getETag());
		if (employee.timeStamp() != null || etag == null) {
			return employee;
		}
		return new VismaEmployee(employee.employeeUserId(), employee.employeeId(), employee.employeeNumber(),
				employee.employeeName(), employee.status(), employee.department(), employee.contact(),
				employee.address(), employee.lastModifiedDateTime(), employee.employeeClass(), employee.branch(),
				employee.calendarId(), etag, employee.metadata());
	}

	private <T> T read(Reply reply, Class<T> type, String what) {
		try {
			return this.json.readValue(reply.body(), type);
		}
		catch (RuntimeException ex) {
			throw new VismaException(prefix(what) + reply.status() + " with a body that is not " + type.getSimpleName()
					+ ": " + ex.getMessage(), reply.status(), VismaError.parse(reply.body(), this.json), ex);
		}
	}

	/**
	 * The path segment of an id: as it is when it is plain, else
	 * {@code b64(<base64url>)}.
	 */
	static String id(String id) {
		return PLAIN_ID.matcher(id).matches() ? id : "b64("
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8)) + ")";
	}

	static String unquote(String etag) {
		if (etag == null || etag.isBlank()) {
			return null;
		}
		String value = etag.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

	private String prefix(String description) {
		return "Visma (tenant " + this.tenant + ") " + description + ": ";
	}

}
