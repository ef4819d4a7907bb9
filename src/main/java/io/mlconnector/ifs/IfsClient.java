package io.mlconnector.ifs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlconnector.outbound.OutboundRetry;
import io.mlconnector.outbound.RateLimit;
import io.mlconnector.outbound.RequestBudget;
import io.mlconnector.outbound.RetryAfterException;
import io.mlconnector.tenant.IfsConnection;
import io.mlconnector.tenant.IfsEntitySet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

/**
 * The OData v4 client of one tenant's IFS Cloud. Reads stream page by page following
 * {@code @odata.nextLink} without parsing it; writes always carry the ETag read last;
 * every attempt takes a permit from the tenant's shared request budget and one of this
 * instance's in-flight slots; 401 renews the token once, 500 {@code MI_MODIFIED_ERROR} is
 * retried once, 423/429/503/504 and lost connections of safe requests are retried with
 * {@code Retry-After} or backoff with jitter, and every other error is a typed
 * {@link IfsException}.
 */
public final class IfsClient {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final String JSON = "application/json";

	private final String tenant;

	private final IfsConnection connection;

	private final WebClient web;

	private final IfsTokens tokens;

	private final RequestBudget budget;

	private final RateLimit rateLimit;

	private final InFlightLimit inFlight;

	private final OutboundRetry retry;

	private final JsonMapper json;

	/**
	 * Writes PATCH bodies with their nulls: a null clears the property in IFS (an end
	 * date after a rehire), which the application's non-null inclusion would drop.
	 */
	private final JsonMapper patchJson;

	private final Clock clock;

	IfsClient(String tenant, IfsConnection connection, WebClient web, IfsTokens tokens, RequestBudget budget,
			OutboundRetry retry, JsonMapper json, Clock clock) {
		this.tenant = tenant;
		this.connection = connection;
		this.web = web;
		this.tokens = tokens;
		this.budget = budget;
		this.rateLimit = RateLimit.perMinute(connection.requestsPerMinute());
		this.inFlight = new InFlightLimit(connection.maxConcurrentRequests());
		this.retry = retry;
		this.json = json;
		this.patchJson = json.rebuild()
			.changeDefaultPropertyInclusion(
					(inclusion) -> JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
			.build();
		this.clock = clock;
	}

	public String tenant() {
		return this.tenant;
	}

	public IfsConnection connection() {
		return this.connection;
	}

	// ---- reads ------------------------------------------------------------------------

	/**
	 * Reads one record by key.
	 * @param set the entity set
	 * @param key the record's key
	 * @return the record; an {@link IfsException} with status 404 if it does not exist
	 */
	public Mono<IfsEntity> read(IfsEntitySet set, IfsKey key) {
		URI uri = uri(set.projection(), set.entitySet() + "(" + key.predicate() + ")", Map.of());
		return exchange(new Call(HttpMethod.GET, uri, Map.of(), null, true, "GET " + set.entitySet() + key))
			.map((reply) -> entity(reply));
	}

	/**
	 * Streams a collection page by page: the next page is requested when the one before
	 * it is handed on, so at most one page waits ahead of a subscriber that requests one
	 * at a time, plus one in flight.
	 * @param set the entity set
	 * @param query the query options
	 * @return the pages, in server order
	 */
	public Flux<IfsPage> pages(IfsEntitySet set, IfsQuery query) {
		return pages(set.projection(), set.entitySet(), query);
	}

	/**
	 * Streams a navigation collection (e.g. a voucher's rows) page by page.
	 * @param set the parent's entity set
	 * @param key the parent's key
	 * @param navigation the navigation property
	 * @param query the query options
	 * @return the pages
	 */
	public Flux<IfsPage> pages(IfsEntitySet set, IfsKey key, String navigation, IfsQuery query) {
		return pages(set.projection(), set.entitySet() + "(" + key.predicate() + ")/" + navigation, query);
	}

	/**
	 * Streams the records of a collection (pages flattened, one page prefetched).
	 * @param set the entity set
	 * @param query the query options
	 * @return the records
	 */
	public Flux<IfsEntity> readAll(IfsEntitySet set, IfsQuery query) {
		return pages(set, query).concatMapIterable(IfsPage::entities, 1);
	}

	private Flux<IfsPage> pages(String projection, String path, IfsQuery query) {
		URI first = uri(projection, path, query.options());
		return page(first, 1)
			.expand((page) -> (page.nextLink() != null) ? page(page.nextLink(), page.number() + 1) : Mono.empty());
	}

	@SuppressWarnings("unchecked")
	private Mono<IfsPage> page(URI uri, int number) {
		Map<String, String> headers = Map.of("Prefer", "odata.maxpagesize=" + this.connection.maxPageSize());
		return exchange(new Call(HttpMethod.GET, uri, headers, null, true, "GET page " + number + " of " + path(uri)))
			.map((reply) -> {
				Map<String, Object> body = parse(reply.body());
				Object value = body.get("value");
				if (!(value instanceof List<?> list)) {
					throw new IfsException(
							"IFS (tenant " + this.tenant + "): " + path(uri)
									+ " did not answer with a collection (no \"value\" array)",
							reply.status(), null, null, null);
				}
				List<IfsEntity> entities = new ArrayList<>(list.size());
				for (Object item : list) {
					entities.add(IfsEntity.of((Map<String, Object>) item));
				}
				Object next = body.get("@odata.nextLink");
				Object count = body.get("@odata.count");
				return new IfsPage(number, entities, (count instanceof Number n) ? n.longValue() : null,
						(next instanceof String link) ? uri.resolve(URI.create(link)) : null);
			});
	}

	// ---- writes -----------------------------------------------------------------------

	/**
	 * Creates a record (POST). Not retried when the outcome is unknown: IFS has no
	 * idempotency.
	 * @param set the entity set
	 * @param values the record's properties
	 * @return the created record with its ETag
	 */
	public Mono<IfsEntity> create(IfsEntitySet set, Map<String, Object> values) {
		URI uri = uri(set.projection(), set.entitySet(), Map.of());
		return exchange(new Call(HttpMethod.POST, uri, Map.of("Prefer", "return=representation"), json(values), false,
				"POST " + set.entitySet()))
			.map(this::entity);
	}

	/**
	 * Changes a record with PATCH and {@code If-Match}. The ETag is mandatory by type:
	 * IFS treats a PATCH without If-Match as an upsert and {@code *} as "any version".
	 * @param set the entity set
	 * @param key the record's key
	 * @param etag the ETag read last
	 * @param changes the properties to change
	 * @return the changed record with its new ETag; {@link IfsConflictException} if it
	 * changed since {@code etag} was read
	 */
	public Mono<IfsEntity> update(IfsEntitySet set, IfsKey key, IfsEtag etag, Map<String, Object> changes) {
		if (etag == null) {
			return Mono.error(new IllegalArgumentException(
					"PATCH " + set.entitySet() + key + " needs the ETag read last; IFS upserts without If-Match"));
		}
		URI uri = uri(set.projection(), set.entitySet() + "(" + key.predicate() + ")", Map.of());
		Map<String, String> headers = Map.of("If-Match", etag.value(), "Prefer", "return=representation");
		return exchange(new Call(HttpMethod.PATCH, uri, headers, this.patchJson.writeValueAsBytes(changes), true,
				"PATCH " + set.entitySet() + key))
			.flatMap((reply) -> (reply.body().length > 0) ? Mono.just(entity(reply)) : read(set, key));
	}

	/**
	 * Calls a bound action ({@code Authorize}, {@code Acknowledge}) with {@code If-Match}
	 * ([OBS]: {@code POST <Set>(<keys>)/IfsApp.<Projection>.<EntityType>_<Action>}, 204).
	 * @param set the entity set
	 * @param key the record's key
	 * @param action {@code <EntityType>_<Action>}, e.g. {@code ManSuppInvoice_Authorize},
	 * or a fully qualified {@code IfsApp.<Projection>.<...>} name
	 * @param etag the ETag read last
	 * @param parameters the action's parameters, empty for {@code {}}
	 * @return completes when IFS accepted the action
	 */
	public Mono<Void> invoke(IfsEntitySet set, IfsKey key, String action, IfsEtag etag,
			Map<String, Object> parameters) {
		if (etag == null) {
			return Mono.error(new IllegalArgumentException(action + " on " + set.entitySet() + key
					+ " needs the ETag read last (IFS requires If-Match on actions)"));
		}
		String qualified = action.startsWith("IfsApp.") ? action : "IfsApp." + set.projection() + "." + action;
		URI uri = uri(set.projection(), set.entitySet() + "(" + key.predicate() + ")/" + qualified, Map.of());
		return exchange(new Call(HttpMethod.POST, uri, Map.of("If-Match", etag.value()),
				json((parameters != null) ? parameters : Map.of()), true, action + " on " + set.entitySet() + key))
			.then();
	}

	/**
	 * Sends one change set in a {@code $batch}: all of its requests commit or none do.
	 * @param projection the projection ({@code $batch} is per projection)
	 * @param changeSet the requests
	 * @return one response per request, in order; if the change set failed, the error of
	 * the request that failed it (typed as for single requests)
	 */
	public Mono<List<IfsBatch.Response>> changeSet(String projection, IfsBatch.ChangeSet changeSet) {
		URI uri = uri(projection, "$batch", Map.of());
		IfsBatch.Encoded encoded = IfsBatch.encode(changeSet, this.json);
		return exchange(new Call(HttpMethod.POST, uri, Map.of("Content-Type", encoded.contentType()), encoded.body(),
				false, "POST " + projection + ".svc/$batch"))
			.map((reply) -> IfsBatch.decode(reply.headers().getFirst(HttpHeaders.CONTENT_TYPE), reply.body(), this.json,
					(status, headers, body) -> error(status, headers, body,
							"a $batch change set to " + projection + ".svc (rolled back: nothing of it was applied)",
							false)));
	}

	/**
	 * Creates a header and its rows atomically in one {@code $batch} change set: the
	 * header is request 1 and each row is POSTed to {@code $1/<rowsNavigation>}.
	 * @param set the header's entity set (e.g. vouchers)
	 * @param header the header's properties
	 * @param rowsNavigation the navigation to the rows (e.g. {@code VoucherRowArray})
	 * @param rows the rows' properties
	 * @return the created header and rows, with their ETags
	 */
	public Mono<IfsBatch.Created> createWithRows(IfsEntitySet set, Map<String, Object> header, String rowsNavigation,
			List<Map<String, Object>> rows) {
		List<IfsBatch.Request> requests = new ArrayList<>();
		requests.add(IfsBatch.Request.post("1", set.entitySet(), header));
		for (int i = 0; i < rows.size(); i++) {
			requests.add(IfsBatch.Request.post(String.valueOf(i + 2), "$1/" + rowsNavigation, rows.get(i)));
		}
		return changeSet(set.projection(), new IfsBatch.ChangeSet(requests)).map((responses) -> {
			List<IfsEntity> created = responses.stream().map(IfsBatch.Response::entity).toList();
			return new IfsBatch.Created(created.get(0), created.subList(1, created.size()));
		});
	}

	/**
	 * The one record of a collection whose properties have these values, if any. More
	 * than one is an error: a unique reference that IFS holds twice needs a person.
	 * @param set the entity set
	 * @param match property names and the values they must equal, in order
	 * @return the record, or empty when IFS has none
	 */
	public Mono<IfsEntity> findUnique(IfsEntitySet set, Map<String, ?> match) {
		String filter = match.entrySet()
			.stream()
			.map((entry) -> ODataLiteral.compare(entry.getKey(), "eq", entry.getValue()))
			.collect(Collectors.joining(" and "));
		return readAll(set, IfsQuery.all().filter(filter).top(2)).collectList().flatMap((found) -> {
			if (found.size() > 1) {
				return Mono.error(new IllegalStateException("IFS (tenant " + this.tenant + ") holds " + found.size()
						+ " records of " + set.entitySet() + " with " + filter + "; remove the duplicate in IFS"));
			}
			return Mono.justOrEmpty(found.stream().findFirst());
		});
	}

	/**
	 * Creates a header and its rows once. The header is looked up by its unique reference
	 * first; only when IFS has none are header and rows created, in one atomic
	 * {@code $batch} change set ({@link #createWithRows}). A repeat after a crash between
	 * IFS's answer and the caller's record of it (IFS has no idempotency keys) finds the
	 * header instead of creating a second. Two callers racing for one reference must be
	 * kept apart by the caller (a claim in its database): the look-up does not lock.
	 * @param set the header's entity set
	 * @param reference the properties, with their values, that identify the header
	 * uniquely (e.g. company and reference number); they should also be in the header
	 * @param header the header's properties
	 * @param rowsNavigation the navigation to the rows
	 * @param rows the rows' properties
	 * @return the header found or created
	 */
	public Mono<IfsBatch.CreatedOnce> createOnce(IfsEntitySet set, Map<String, ?> reference, Map<String, Object> header,
			String rowsNavigation, List<Map<String, Object>> rows) {
		return findUnique(set, reference).map((found) -> new IfsBatch.CreatedOnce(found, false))
			.switchIfEmpty(Mono.defer(() -> createWithRows(set, header, rowsNavigation, rows)
				.map((created) -> new IfsBatch.CreatedOnce(created.header(), true))));
	}

	// ---- plumbing ---------------------------------------------------------------------

	record Call(HttpMethod method, URI uri, Map<String, String> headers, byte[] body, boolean safeToRepeat,
			String description) {

	}

	record Reply(int status, HttpHeaders headers, byte[] body) {

	}

	Mono<Reply> exchange(Call call) {
		String budgetName = "ifs:" + this.tenant;
		Mono<Reply> attempt = Mono.defer(() -> this.budget.acquire(budgetName, this.rateLimit)
			.then(this.inFlight.run(this.tokens.token().flatMap((token) -> send(call, token)))));
		return attempt
			.retryWhen(Retry.max(1)
				.filter((ex) -> ex instanceof TokenRefused)
				.doBeforeRetry((signal) -> this.tokens.invalidate(((TokenRefused) signal.failure()).token))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.onErrorMap(TokenRefused.class, (ex) -> ex.error)
			.retryWhen(Retry.max(1)
				.filter(IfsClient::isMetadataModified)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.retryWhen(this.retry.toRetry());
	}

	private Mono<Reply> send(Call call, String token) {
		WebClient.RequestBodySpec request = this.web.method(call.method()).uri(call.uri()).headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set(HttpHeaders.ACCEPT, JSON);
			if (call.body() != null) {
				headers.set(HttpHeaders.CONTENT_TYPE, JSON);
			}
			call.headers().forEach(headers::set);
		});
		WebClient.RequestHeadersSpec<?> withBody = (call.body() != null) ? request.bodyValue(call.body()) : request;
		return withBody
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((body) -> new Reply(response.statusCode().value(), response.headers().asHttpHeaders(), body)))
			.onErrorMap((ex) -> !(ex instanceof IfsException) && !(ex instanceof RetryAfterException),
					(ex) -> noAnswer(call, ex))
			.flatMap((reply) -> {
				if (reply.status() < 400) {
					return Mono.just(reply);
				}
				RuntimeException error = error(reply.status(), reply.headers(), reply.body(), call.description(),
						call.safeToRepeat());
				return Mono.error((reply.status() == 401) ? new TokenRefused(token, error) : error);
			});
	}

	private RuntimeException noAnswer(Call call, Throwable ex) {
		String what = (ex instanceof TimeoutException || ex.getCause() instanceof TimeoutException)
				? "no answer within " + this.connection.requestTimeout().toSeconds() + " s"
				: "no answer (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")";
		if (call.safeToRepeat()) {
			return new IfsRetryLaterException(prefix(call.description()) + what, 0, null, null, ex);
		}
		return new IfsOutcomeUnknownException(prefix(call.description()) + what + ". The create may or may not "
				+ "have been applied; IFS has no idempotency, so look the record up by its reference before "
				+ "creating it again.", ex);
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

	private static boolean isMetadataModified(Throwable ex) {
		return ex instanceof IfsException ifs && ifs.status() == 500 && "MI_MODIFIED_ERROR".equals(ifs.code());
	}

	@SuppressWarnings("unchecked")
	RuntimeException error(int status, HttpHeaders headers, byte[] body, String description, boolean safeToRepeat) {
		String code = null;
		String message = null;
		List<IfsException.Detail> details = new ArrayList<>();
		try {
			Map<String, Object> parsed = (body.length > 0) ? parse(body) : Map.of();
			if (parsed.get("error") instanceof Map<?, ?> error) {
				code = (error.get("code") != null) ? error.get("code").toString() : null;
				message = (error.get("message") != null) ? error.get("message").toString() : null;
				if (error.get("details") instanceof List<?> list) {
					for (Object item : list) {
						if (item instanceof Map<?, ?> detail) {
							details.add(new IfsException.Detail(string(detail.get("code")),
									string(detail.get("message")), string(detail.get("target"))));
						}
					}
				}
			}
		}
		catch (RuntimeException ex) {
			message = new String(body, StandardCharsets.UTF_8);
			message = (message.length() > 300) ? message.substring(0, 300) + "..." : message;
		}
		StringBuilder text = new StringBuilder(prefix(description)).append(status);
		if (code != null) {
			text.append(' ').append(code);
		}
		if (message != null && !message.isBlank()) {
			text.append(": ").append(message);
		}
		details.forEach((detail) -> text.append(" [")
			.append((detail.code() != null) ? detail.code() + ": " : "")
			.append(detail.message())
			.append(']'));
		Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock);
		return switch (status) {
			case 412 -> new IfsConflictException(text + ". The record changed since it was read: re-read it, check "
					+ "its state again and retry with the new ETag.", status, code, message, details);
			case 428 -> new IfsPreconditionRequiredException(
					text + ". A request that needs If-Match was sent " + "without it: a defect in ml-connector.",
					status, code, message, details);
			case 423 -> new IfsRetryLaterException(text + ". The record is locked in IFS; retrying later.", status,
					code, retryAfter, null);
			case 429, 503 -> new IfsRetryLaterException(text.toString(), status, code, retryAfter, null);
			case 504 -> safeToRepeat ? new IfsRetryLaterException(text.toString(), status, code, retryAfter, null)
					: new IfsOutcomeUnknownException(text + ". The create may or may not have been applied; look "
							+ "the record up by its reference before creating it again.", null);
			default -> new IfsException(text.toString(), status, code, message, details);
		};
	}

	private String prefix(String description) {
		return "IFS (tenant " + this.tenant + ") " + description + ": ";
	}

	private static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

	static Duration retryAfter(String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(clock.instant(), at.toInstant());
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unparsable) {
				return null;
			}
		}
	}

	private IfsEntity entity(Reply reply) {
		IfsEntity entity = IfsEntity.of(parse(reply.body()));
		String etag = reply.headers().getETag();
		if (entity.etag() == null && etag != null) {
			return new IfsEntity(new IfsEtag(etag), entity.values());
		}
		return entity;
	}

	private Map<String, Object> parse(byte[] body) {
		return this.json.readValue(body, OBJECT);
	}

	private byte[] json(Map<String, Object> values) {
		return this.json.writeValueAsBytes(values);
	}

	/**
	 * An absolute URI below the projection's service root, with the path and the query
	 * options percent-encoded strictly (space as %20, plus as %2B), so no server decodes
	 * a literal differently.
	 */
	URI uri(String projection, String path, Map<String, String> options) {
		StringBuilder uri = new StringBuilder(serviceRoot(projection));
		String[] segments = path.split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			if (i > 0) {
				uri.append('/');
			}
			uri.append(UriUtils.encodePathSegment(segments[i], StandardCharsets.UTF_8));
		}
		if (!options.isEmpty()) {
			uri.append('?');
			List<String> pairs = new ArrayList<>();
			options.forEach((name, value) -> pairs.add(name + "=" + encodeQueryValue(value)));
			uri.append(String.join("&", pairs));
		}
		return URI.create(uri.toString());
	}

	String serviceRoot(String projection) {
		String base = this.connection.baseUrl().toString();
		base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		return base + this.connection.servicePath() + "/" + projection + ".svc/";
	}

	static String encodeQueryValue(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String path(URI uri) {
		String path = uri.getRawPath();
		int svc = path.indexOf(".svc/");
		return (svc < 0) ? path : path.substring(svc + 5);
	}

}
