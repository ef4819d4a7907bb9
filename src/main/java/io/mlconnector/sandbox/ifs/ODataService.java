package io.mlconnector.sandbox.ifs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriUtils;

/**
 * The OData v4 projection services of the simulator: service document, {@code $metadata},
 * queries with server-driven paging, single-entity reads, creates, PATCH with IFS's
 * If-Match semantics, DELETE, bound actions and the voucher rules. {@code $batch} is in
 * {@link BatchProcessor}, which calls back into {@link #dispatch(ODataRequest)}.
 */
final class ODataService {

	static final String JSON = "application/json;odata.metadata=minimal";

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final Set<String> IGNORED_ON_WRITE = Set.of("luname", "keyref", "Objgrants", EntityType.OBJSTATE);

	private static final Set<String> QUERY_OPTIONS = Set.of("$filter", "$select", "$orderby", "$top", "$skip", "$count",
			"$skiptoken", "$expand", "$format");

	private static final Set<String> UNSUPPORTED_OPTIONS = Set.of("$apply", "$search", "$compute", "$levels",
			"$deltatoken", "$index", "$schemaversion");

	private final SandboxStore store;

	private final SandboxModel model;

	private final JsonMapper json;

	private final Supplier<PagingSettings> paging;

	ODataService(SandboxStore store, JsonMapper json, Supplier<PagingSettings> paging) {
		this.store = store;
		this.model = store.model();
		this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		this.paging = paging;
	}

	/**
	 * Page sizes of server-driven paging ([ASSUMPTION]: IFS documents none).
	 *
	 * @param defaultPageSize page size when the client asks for none
	 * @param maxPageSize the most records one response carries
	 */
	record PagingSettings(int defaultPageSize, int maxPageSize) {

	}

	JsonMapper json() {
		return this.json;
	}

	SandboxStore store() {
		return this.store;
	}

	/**
	 * Handles a request, turning errors into IFS-shaped error responses.
	 * @param request the request
	 * @return the response
	 */
	ODataResponse handle(ODataRequest request) {
		try {
			return dispatch(request);
		}
		catch (SandboxException ex) {
			return error(ex);
		}
	}

	ODataResponse error(SandboxException ex) {
		return ODataResponse.of(ex.status(), "application/json", this.json.writeValueAsBytes(ex.body()));
	}

	/**
	 * Handles a request; errors are thrown as {@link SandboxException}.
	 * @param request the request
	 * @return the response
	 */
	ODataResponse dispatch(ODataRequest request) {
		if (!this.model.hasProjection(request.projection())) {
			throw SandboxException.notFound("The projection " + request.projection() + ".svc does not exist.");
		}
		String path = request.resourcePath();
		if (path.isEmpty()) {
			requireMethod(request, "GET");
			return serviceDocument(request);
		}
		if (path.equals("$metadata")) {
			requireMethod(request, "GET");
			return ODataResponse.of(200, "application/xml",
					Csdl.write(request.projection(), this.model).getBytes(StandardCharsets.UTF_8));
		}
		if (path.equals("$batch")) {
			throw SandboxException.badRequest("$batch is only allowed as a top-level request.");
		}
		String[] segments = path.split("/");
		Resource resource = resource(request.projection(), UriUtils.decode(segments[0], StandardCharsets.UTF_8));
		if (resource.key() == null) {
			if (segments.length > 1) {
				throw SandboxException.notFound("No resource " + path + " in " + request.projection() + ".svc.");
			}
			return switch (request.method()) {
				case "GET" -> query(request, resource.set(), null);
				case "POST" -> create(request, resource.set(), null);
				default -> throw methodNotAllowed(request);
			};
		}
		Row row = this.store.find(resource.set(), resource.key());
		if (segments.length == 1) {
			return switch (request.method()) {
				case "GET" -> entity(request, require(resource, row), 200);
				case "PATCH", "PUT" -> patch(request, resource, row);
				case "DELETE" -> delete(request, require(resource, row));
				default -> throw methodNotAllowed(request);
			};
		}
		if (segments.length > 2) {
			throw SandboxException.notFound("No resource " + path + " in " + request.projection() + ".svc.");
		}
		String next = UriUtils.decode(segments[1], StandardCharsets.UTF_8);
		String actionPrefix = "IfsApp." + request.projection() + ".";
		if (next.startsWith("IfsApp.")) {
			String action = next.startsWith(actionPrefix) ? next.substring(actionPrefix.length()) : null;
			if (action == null || !resource.set().type().actions().containsKey(action)) {
				throw SandboxException
					.notFound("No bound action " + next + " on " + resource.set().type().name() + "; actions: "
							+ resource.set()
								.type()
								.actions()
								.keySet()
								.stream()
								.map((name) -> actionPrefix + name)
								.toList());
			}
			if (!request.method().equals("POST")) {
				throw new SandboxException(405, "ODP_METHOD_NOT_ALLOWED",
						next + " is an action: call it with POST, not " + request.method() + ".");
			}
			return action(request, require(resource, row), action);
		}
		int open = next.indexOf('(');
		String navigation = (open < 0) ? next : next.substring(0, open);
		EntitySet children = this.model.navigation(resource.set(), navigation)
			.orElseThrow(() -> SandboxException.notFound(resource.set().type().name() + " has no navigation "
					+ navigation + "; navigations: " + resource.set().type().navigations().keySet()));
		Row parent = require(resource, row);
		if (open >= 0) {
			if (!next.endsWith(")")) {
				throw SandboxException.badRequest("The key predicate of '" + next + "' does not end with ')'.");
			}
			List<Object> childKey = KeyPredicate.parse(next.substring(open + 1, next.length() - 1), children.type());
			if (!childKey.subList(0, parent.key().size()).equals(parent.key())) {
				throw SandboxException.notFound(next + " is not a child of " + segments[0] + ".");
			}
			Resource child = new Resource(children, childKey, next);
			Row childRow = this.store.find(children, childKey);
			return switch (request.method()) {
				case "GET" -> entity(request, require(child, childRow), 200);
				case "PATCH", "PUT" -> patch(request, child, childRow);
				case "DELETE" -> delete(request, require(child, childRow));
				default -> throw methodNotAllowed(request);
			};
		}
		return switch (request.method()) {
			case "GET" -> query(request, children, parent);
			case "POST" -> create(request, children, parent);
			default -> throw methodNotAllowed(request);
		};
	}

	// ---- resources ------------------------------------------------------------

	record Resource(EntitySet set, List<Object> key, String text) {

	}

	Resource resource(String projection, String segment) {
		int open = segment.indexOf('(');
		String name = (open < 0) ? segment : segment.substring(0, open);
		EntitySet set = this.model.find(projection, name)
			.orElseThrow(() -> SandboxException.notFound("No entity set " + name + " in " + projection + ".svc; sets: "
					+ this.model.setsOf(projection).stream().map(EntitySet::name).toList()));
		if (open < 0) {
			return new Resource(set, null, segment);
		}
		if (!segment.endsWith(")")) {
			throw SandboxException.badRequest("The key predicate of '" + segment + "' does not end with ')'.");
		}
		return new Resource(set, KeyPredicate.parse(segment.substring(open + 1, segment.length() - 1), set.type()),
				segment);
	}

	private Row require(Resource resource, Row row) {
		if (row == null) {
			throw SandboxException.notFound(resource.set().type().name() + " " + resource.text() + " does not exist.");
		}
		return row;
	}

	// ---- reads ------------------------------------------------------------------

	private ODataResponse serviceDocument(ODataRequest request) {
		List<Map<String, String>> sets = this.model.setsOf(request.projection())
			.stream()
			.map((set) -> Map.of("name", set.name(), "kind", "EntitySet", "url", set.name()))
			.toList();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("@odata.context", request.serviceRoot() + "$metadata");
		document.put("value", sets);
		return ODataResponse.of(200, JSON, this.json.writeValueAsBytes(document));
	}

	ODataResponse entity(ODataRequest request, Row row, int status) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("@odata.context", request.serviceRoot() + "$metadata#" + row.set().name() + "/$entity");
		body.putAll(representation(row, selection(request, row.set().type())));
		return ODataResponse.of(status, JSON, this.json.writeValueAsBytes(body))
			.with("ETag", row.etag())
			.with("OData-Version", "4.0");
	}

	Map<String, Object> representation(Row row, Set<String> selected) {
		Map<String, Object> entity = new LinkedHashMap<>();
		entity.put("@odata.etag", row.etag());
		entity.put("luname", row.set().type().name());
		entity.put("keyref", row.keyref());
		entity.put("Objgrants", null);
		row.set().type().properties().forEach((property, type) -> {
			if (selected == null || selected.contains(property)) {
				entity.put(property, type.toJson(row.get(property)));
			}
		});
		return entity;
	}

	private Set<String> selection(ODataRequest request, EntityType type) {
		String select = request.query().get("$select");
		if (select == null || select.isBlank() || select.trim().equals("*")) {
			return null;
		}
		Set<String> selected = new LinkedHashSet<>();
		for (String property : select.split(",")) {
			String trimmed = property.trim();
			if (!type.properties().containsKey(trimmed)) {
				throw SandboxException.badRequest("$select: " + trimmed + " is not a property of " + type.name()
						+ "; properties: " + type.properties().keySet());
			}
			selected.add(trimmed);
		}
		return selected;
	}

	private ODataResponse query(ODataRequest request, EntitySet set, Row parent) {
		Map<String, String> options = request.query();
		for (String option : options.keySet()) {
			if (UNSUPPORTED_OPTIONS.contains(option)) {
				throw SandboxException.notImplemented("The query option " + option + " is not supported.");
			}
			if (option.startsWith("$") && !QUERY_OPTIONS.contains(option)) {
				throw SandboxException.badRequest("Unknown query option " + option + ".");
			}
		}
		EntityType type = set.type();
		if (options.containsKey("$expand")) {
			String expand = options.get("$expand").trim();
			if (type.navigations().containsKey(expand)) {
				throw SandboxException.notImplemented("$expand of the collection navigation " + expand
						+ " is not supported; read it with GET " + set.name() + "(<keys>)/" + expand + ".");
			}
			throw SandboxException.badRequest("$expand: " + type.name() + " has no navigation " + expand + ".");
		}
		Set<String> selected = selection(request, type);
		Filter filter = (options.get("$filter") != null) ? Filter.parse(options.get("$filter"), type) : null;
		List<String> orderBy = new ArrayList<>();
		List<Boolean> descending = new ArrayList<>();
		if (options.get("$orderby") != null) {
			for (String item : options.get("$orderby").split(",")) {
				String[] words = item.trim().split("\\s+");
				if (!type.properties().containsKey(words[0])) {
					throw SandboxException.badRequest("$orderby: " + words[0] + " is not a property of " + type.name()
							+ "; properties: " + type.properties().keySet());
				}
				if (words.length > 2 || (words.length == 2 && !words[1].equals("asc") && !words[1].equals("desc"))) {
					throw SandboxException.badRequest(
							"$orderby: write '<property> asc' or '<property> desc', not '" + item.trim() + "'.");
				}
				orderBy.add(words[0]);
				descending.add(words.length == 2 && words[1].equals("desc"));
			}
		}
		for (String key : type.keys()) {
			if (!orderBy.contains(key)) {
				// keys break ties, so paging is deterministic
				orderBy.add(key);
				descending.add(false);
			}
		}
		Comparator<List<Object>> tupleOrder = (left, right) -> {
			for (int i = 0; i < left.size(); i++) {
				int compared = EdmType.compare(left.get(i), right.get(i));
				if (compared != 0) {
					return descending.get(i) ? -compared : compared;
				}
			}
			return 0;
		};
		long top = nonNegative(options, "$top", Long.MAX_VALUE);
		long skip = nonNegative(options, "$skip", 0);
		boolean count = parseCount(options.get("$count"));
		List<Object> after = null;
		if (options.get("$skiptoken") != null) {
			SkipToken token = SkipToken.decode(options.get("$skiptoken"), orderBy, type);
			after = token.after();
			top = token.remaining();
			skip = 0;
		}
		PagingSettings settings = this.paging.get();
		Integer preferred = preferredPageSize(request.header("Prefer"));
		int pageSize = Math.min((preferred != null) ? preferred : settings.defaultPageSize(), settings.maxPageSize());
		long take = Math.min(pageSize, top);

		List<Row> candidates = (parent != null) ? this.store.children(parent, set) : this.store.all(set);
		long matching = 0;
		long afterCursor = 0;
		long keep = (take >= Integer.MAX_VALUE - skip) ? Integer.MAX_VALUE : skip + take;
		PriorityQueue<Sortable> firstRows = new PriorityQueue<>((a, b) -> tupleOrder.compare(b.tuple(), a.tuple()));
		for (Row row : candidates) {
			if (filter != null && !filter.test(row)) {
				continue;
			}
			matching++;
			// compared in place: most rows are before the cursor or after the page, and
			// allocate nothing
			if (after != null && compare(row, orderBy, descending, after) <= 0) {
				continue;
			}
			afterCursor++;
			if (keep == 0) {
				continue;
			}
			if (firstRows.size() < keep) {
				firstRows.add(new Sortable(tuple(row, orderBy), row));
			}
			else if (compare(row, orderBy, descending, firstRows.peek().tuple()) < 0) {
				firstRows.poll();
				firstRows.add(new Sortable(tuple(row, orderBy), row));
			}
		}
		List<Sortable> sorted = new ArrayList<>(firstRows);
		sorted.sort((a, b) -> tupleOrder.compare(a.tuple(), b.tuple()));
		List<Sortable> page = sorted.subList((int) Math.min(skip, sorted.size()), sorted.size());

		Map<String, Object> body = new LinkedHashMap<>();
		body.put("@odata.context", request.serviceRoot() + "$metadata#" + set.name()
				+ ((selected != null) ? "(" + String.join(",", selected) + ")" : ""));
		if (count) {
			body.put("@odata.count", matching);
		}
		List<Map<String, Object>> value = new ArrayList<>(page.size());
		page.forEach((sortable) -> value.add(representation(sortable.row(), selected)));
		body.put("value", value);
		long remaining = (top == Long.MAX_VALUE) ? Long.MAX_VALUE : top - page.size();
		boolean more = !page.isEmpty() && afterCursor > skip + page.size() && remaining > 0;
		if (more) {
			List<Object> last = page.get(page.size() - 1).tuple();
			body.put("@odata.nextLink",
					nextLink(request, set, parent, new SkipToken(last, remaining).encode(orderBy, type)));
		}
		ODataResponse response = ODataResponse.of(200, JSON, this.json.writeValueAsBytes(body))
			.with("OData-Version", "4.0");
		return (preferred != null) ? response.with("Preference-Applied", "odata.maxpagesize=" + pageSize) : response;
	}

	private record Sortable(List<Object> tuple, Row row) {

	}

	private static int compare(Row row, List<String> orderBy, List<Boolean> descending, List<Object> tuple) {
		for (int i = 0; i < orderBy.size(); i++) {
			int compared = EdmType.compare(row.get(orderBy.get(i)), tuple.get(i));
			if (compared != 0) {
				return descending.get(i) ? -compared : compared;
			}
		}
		return 0;
	}

	private static List<Object> tuple(Row row, List<String> orderBy) {
		List<Object> tuple = new ArrayList<>(orderBy.size());
		for (String property : orderBy) {
			tuple.add(row.get(property));
		}
		return tuple;
	}

	private String nextLink(ODataRequest request, EntitySet set, Row parent, String skipToken) {
		StringBuilder link = new StringBuilder(request.serviceRoot());
		link.append(
				(parent != null) ? parent.path() + "/" + request.resourcePath().split("/")[1] : request.resourcePath());
		link.append('?');
		request.query().forEach((name, value) -> {
			if (!name.equals("$skiptoken") && !name.equals("$skip") && !name.equals("$top")) {
				link.append(ODataRequest.encode(name).replace("%24", "$"))
					.append('=')
					.append(ODataRequest.encode(value))
					.append('&');
			}
		});
		return link.append("$skiptoken=").append(skipToken).toString();
	}

	/**
	 * The opaque {@code $skiptoken}: the sort values of the last record sent and how many
	 * records {@code $top} still allows. Keyset paging keeps every record that exists for
	 * the whole scan on exactly one page even when others are inserted, deleted or change
	 * position ([ASSUMPTION]: IFS documents no nextLink format).
	 */
	record SkipToken(List<Object> after, long remaining) {

		String encode(List<String> orderBy, EntityType type) {
			StringBuilder text = new StringBuilder().append(this.remaining);
			for (int i = 0; i < orderBy.size(); i++) {
				String value = type.properties().get(orderBy.get(i)).toText(this.after.get(i));
				text.append('\u0001').append((value != null) ? "v" + value : "n");
			}
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
		}

		static SkipToken decode(String token, List<String> orderBy, EntityType type) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
					.split("\u0001", -1);
				if (parts.length != orderBy.size() + 1) {
					throw new IllegalArgumentException("wrong length");
				}
				List<Object> after = new ArrayList<>();
				for (int i = 0; i < orderBy.size(); i++) {
					after.add(parts[i + 1].equals("n") ? null
							: type.properties().get(orderBy.get(i)).fromText(parts[i + 1].substring(1)));
				}
				return new SkipToken(after, Long.parseLong(parts[0]));
			}
			catch (RuntimeException ex) {
				throw SandboxException.badRequest("The $skiptoken is not valid for this query. Follow "
						+ "@odata.nextLink exactly as the server sent it, with the same $filter and $orderby.");
			}
		}

	}

	private static long nonNegative(Map<String, String> options, String option, long absent) {
		String value = options.get(option);
		if (value == null) {
			return absent;
		}
		try {
			long parsed = Long.parseLong(value.trim());
			if (parsed < 0) {
				throw new NumberFormatException();
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw SandboxException.badRequest(option + " must be a non-negative integer, was '" + value + "'.");
		}
	}

	private static boolean parseCount(String value) {
		if (value == null || value.equals("false")) {
			return false;
		}
		if (value.equals("true")) {
			return true;
		}
		throw SandboxException.badRequest("$count must be true or false, was '" + value + "'.");
	}

	static Integer preferredPageSize(String prefer) {
		if (prefer == null) {
			return null;
		}
		for (String preference : prefer.split(",")) {
			String[] nameAndValue = preference.trim().split("=", 2);
			String name = nameAndValue[0].trim().toLowerCase(Locale.ROOT);
			if ((name.equals("odata.maxpagesize") || name.equals("maxpagesize")) && nameAndValue.length == 2) {
				try {
					int size = Integer.parseInt(nameAndValue[1].trim());
					return (size > 0) ? size : null;
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
		}
		return null;
	}

	// ---- writes -----------------------------------------------------------------

	Map<String, Object> readBody(ODataRequest request) {
		if (request.body().length == 0) {
			throw SandboxException.deserialization("The request has no body; send a JSON object.");
		}
		String contentType = request.header("Content-Type");
		if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			throw SandboxException.deserialization("Content-Type must be application/json, was " + contentType + ".");
		}
		try {
			Map<String, Object> body = this.json.readValue(request.body(), OBJECT);
			if (body == null) {
				throw SandboxException.deserialization("The body must be a JSON object.");
			}
			return body;
		}
		catch (JacksonException ex) {
			throw SandboxException.deserialization("The body is not a JSON object: " + ex.getOriginalMessage());
		}
	}

	private Map<String, Object> values(EntityType type, Map<String, Object> body, boolean patch) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : body.entrySet()) {
			String property = entry.getKey();
			if (property.startsWith("@") || property.contains("@odata.") || IGNORED_ON_WRITE.contains(property)
					|| property.equals(type.changeTimestamp())) {
				continue;
			}
			EdmType propertyType = type.properties().get(property);
			if (propertyType == null) {
				throw SandboxException.deserialization(property + " is not a property of " + type.name()
						+ "; properties: " + type.properties().keySet());
			}
			try {
				values.put(property, propertyType.fromJson(property, entry.getValue()));
			}
			catch (IllegalArgumentException ex) {
				throw SandboxException.deserialization(ex.getMessage());
			}
		}
		return values;
	}

	ODataResponse create(ODataRequest request, EntitySet set, Row parent) {
		Map<String, Object> values = values(set.type(), readBody(request), false);
		if (parent != null) {
			List<String> parentKeys = parent.set().type().keys();
			for (String key : parentKeys) {
				values.put(key, parent.get(key));
			}
		}
		Row row = insert(set, values, parent);
		return entity(request, row, 201).with("Location", request.serviceRoot() + row.path());
	}

	private Row insert(EntitySet set, Map<String, Object> values, Row parent) {
		EntityType type = set.type();
		List<String> missing = new ArrayList<>();
		for (String required : type.required()) {
			if (values.get(required) == null) {
				missing.add(required);
			}
		}
		for (String key : type.keys()) {
			if (!key.equals(type.serverKey()) && values.get(key) == null && !missing.contains(key)) {
				missing.add(key);
			}
		}
		if (!missing.isEmpty()) {
			throw new SandboxException(400, "ODP_MISSING_ATTRIBUTE",
					type.name() + ": required attribute(s) " + missing + " missing.",
					missing.stream()
						.map((property) -> SandboxException.detail("ODP_MISSING_ATTRIBUTE", property + " is required",
								property))
						.toList());
		}
		if (set == this.model.voucherRows) {
			checkVoucherRow(parent, values);
		}
		if (set == this.model.vouchers) {
			requireExists(this.model.companies, List.of(values.get("Company")),
					"Company " + values.get("Company") + " does not exist.", "Company");
			requireOpenPeriod(values.get("Company"), values.get("VoucherDate"));
		}
		return this.store.insert(set, values, null);
	}

	/**
	 * A voucher dated in a closed accounting period is refused ([ASSUMPTION]: the error
	 * code is the sandbox's; IFS refuses such vouchers, its message is not published).
	 */
	private void requireOpenPeriod(Object company, Object voucherDate) {
		if (!(voucherDate instanceof java.time.LocalDate date)) {
			return;
		}
		for (Row period : this.store.all(this.model.accountingPeriods)) {
			if (company.equals(period.get("Company")) && "Closed".equals(period.get("PeriodStatus"))
					&& !date.isBefore((java.time.LocalDate) period.get("DateFrom"))
					&& !date.isAfter((java.time.LocalDate) period.get("DateUntil"))) {
				throw new SandboxException(400, "ACCOUNTING_PERIOD_CLOSED",
						"Accounting period " + period.get("AccountingYear") + "/" + period.get("PeriodNo")
								+ " of company " + company + " is closed; VoucherDate " + date + " cannot be used.",
						List.of(SandboxException.detail("ACCOUNTING_PERIOD_CLOSED", "the period is closed",
								"VoucherDate")));
			}
		}
	}

	/**
	 * Voucher row rules ([ASSUMPTION]: IFS's are not published): the account and code B
	 * (cost center) exist for the voucher's company, amounts are non-negative with at
	 * most two decimals, and a row is either a debit or a credit.
	 */
	private void checkVoucherRow(Row voucher, Map<String, Object> values) {
		long rowNo = this.store.children(voucher, this.model.voucherRows).size() + 1;
		String row = "Voucher row " + rowNo + " ("
				+ ((values.get("Text") != null) ? "'" + values.get("Text") + "', " : "") + "account "
				+ values.get("Account") + ")";
		Object company = voucher.get("Company");
		requireExists(this.model.accounts, List.of(company, values.get("Account")),
				row + ": account " + values.get("Account") + " does not exist in company " + company + ".", "Account");
		if (values.get("CodeB") != null) {
			requireExists(this.model.costCenters, List.of(company, values.get("CodeB")), row + ": cost center (code B) "
					+ values.get("CodeB") + " does not exist in company " + company + ".", "CodeB");
		}
		if (values.get("CodeC") != null) {
			requireExists(this.model.projects, List.of(company, values.get("CodeC")),
					row + ": project (code C) " + values.get("CodeC") + " does not exist in company " + company + ".",
					"CodeC");
		}
		BigDecimal debit = (BigDecimal) values.get("CurrencyDebetAmount");
		BigDecimal credit = (BigDecimal) values.get("CurrencyCreditAmount");
		for (BigDecimal amount : new BigDecimal[] { debit, credit }) {
			if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
				throw rowError(row + ": amounts must be non-negative with at most two decimals, was "
						+ amount.toPlainString() + ".", "CurrencyDebetAmount");
			}
		}
		boolean hasDebit = debit != null && debit.signum() != 0;
		boolean hasCredit = credit != null && credit.signum() != 0;
		if (hasDebit == hasCredit) {
			throw rowError(row + ": give either CurrencyDebetAmount or CurrencyCreditAmount, not "
					+ (hasDebit ? "both." : "neither."), "CurrencyDebetAmount");
		}
	}

	private void requireExists(EntitySet set, List<Object> key, String message, String target) {
		if (this.store.find(set, key) == null) {
			throw rowError(message, target);
		}
	}

	private static SandboxException rowError(String message, String target) {
		return new SandboxException(400, "FND_VALIDATION_ERROR", message,
				List.of(SandboxException.detail("FND_VALIDATION_ERROR", message, target)));
	}

	/**
	 * Checks that a voucher balances: debits equal credits ([ASSUMPTION]: one currency
	 * per voucher in the sandbox).
	 * @param voucher the voucher
	 * @throws SandboxException 400 naming the voucher and both totals
	 */
	void checkBalanced(Row voucher) {
		BigDecimal[] totals = this.store.totals(voucher);
		if (totals[0].compareTo(totals[1]) != 0) {
			String message = "Voucher " + voucher.keyPredicate() + " does not balance: debit "
					+ totals[0].toPlainString() + ", credit " + totals[1].toPlainString() + ".";
			throw new SandboxException(400, "GL_VOUCHER_NOT_BALANCED", message,
					List.of(SandboxException.detail("GL_VOUCHER_NOT_BALANCED", message, "VoucherRowArray")));
		}
		if (totals[0].signum() == 0) {
			throw new SandboxException(400, "GL_VOUCHER_NO_ROWS",
					"Voucher " + voucher.keyPredicate() + " has no amounts.");
		}
	}

	private ODataResponse patch(ODataRequest request, Resource resource, Row row) {
		String ifMatch = request.header("If-Match");
		EntityType type = resource.set().type();
		Map<String, Object> values = values(type, readBody(request), true);
		for (int i = 0; i < type.keys().size(); i++) {
			String key = type.keys().get(i);
			if (values.containsKey(key) && EdmType.compare(values.get(key), resource.key().get(i)) != 0) {
				throw SandboxException.badRequest(key + " is a key and cannot be changed.");
			}
		}
		if (row == null) {
			if (ifMatch != null) {
				throw SandboxException.notFound(type.name() + " " + resource.text() + " does not exist.");
			}
			// IFS [DOC]: PATCH without If-Match is an upsert that inserts with the URL's
			// keys
			for (int i = 0; i < type.keys().size(); i++) {
				values.put(type.keys().get(i), resource.key().get(i));
			}
			Row inserted = insert(resource.set(), values, null);
			return entity(request, inserted, 201);
		}
		checkPrecondition(request, row, false);
		Map<String, Object> merged = new HashMap<>(row.values());
		merged.putAll(values);
		Row updated = this.store.update(row, merged);
		if ("return=minimal".equalsIgnoreCase(String.valueOf(request.header("Prefer")))) {
			return new ODataResponse(204, Map.of("ETag", updated.etag()), new byte[0]);
		}
		return entity(request, updated, 200);
	}

	private ODataResponse delete(ODataRequest request, Row row) {
		checkPrecondition(request, row, true);
		for (String navigation : row.set().type().navigations().keySet()) {
			EntitySet children = this.model.navigation(row.set(), navigation).orElseThrow();
			this.store.children(row, children).forEach(this.store::delete);
		}
		this.store.delete(row);
		return new ODataResponse(204, Map.of(), new byte[0]);
	}

	/**
	 * If-Match as IFS handles it: 423 for a locked row ([DOC]); a missing If-Match where
	 * one is required is 428 {@code ODP_MISSING_PRECONDITION} ([ASSUMPTION] status, [3P]
	 * code); {@code *} matches any version ([DOC]); a stale ETag is 412 ([ASSUMPTION]).
	 */
	void checkPrecondition(ODataRequest request, Row row, boolean required) {
		if (this.store.isLocked(row)) {
			throw new SandboxException(423, "FND_RECORD_LOCKED", row.set().type().name() + " " + row.keyPredicate()
					+ " is locked by another user. Try again later.");
		}
		String ifMatch = request.header("If-Match");
		if (ifMatch == null || ifMatch.isBlank()) {
			if (required) {
				throw new SandboxException(428, "ODP_MISSING_PRECONDITION",
						"This request requires an If-Match header with the record's ETag.");
			}
			return;
		}
		if (ifMatch.trim().equals("*")) {
			return;
		}
		for (String etag : ifMatch.split(",(?=\\s*W/)")) {
			if (etag.trim().equals(row.etag())) {
				return;
			}
		}
		String message = row.set().type().name() + " " + row.keyPredicate() + " modified since the ETag was issued.";
		throw new SandboxException(412, "ODP_PRECONDITION_FAILED",
				"The record has been modified by another user. Refresh and try again.",
				List.of(SandboxException.detail("FND_MODIFIED", message, "If-Match")));
	}

	private ODataResponse action(ODataRequest request, Row row, String actionName) {
		checkPrecondition(request, row, true);
		if (request.body().length > 0) {
			readBody(request);
		}
		EntityType.Action action = row.set().type().actions().get(actionName);
		Object state = row.get(EntityType.OBJSTATE);
		if (!action.from().contains(state)) {
			throw new SandboxException(400, "FND_STATE_TRANSITION", row.set().type().name() + " " + row.keyPredicate()
					+ " is " + state + "; " + actionName + " is allowed in state " + action.from() + " only.");
		}
		if (row.set() == this.model.vouchers) {
			checkBalanced(row);
		}
		Map<String, Object> values = new HashMap<>(row.values());
		values.put(EntityType.OBJSTATE, action.to());
		Row updated = this.store.update(row, values);
		return new ODataResponse(204, Map.of("ETag", updated.etag()), new byte[0]);
	}

	private static void requireMethod(ODataRequest request, String method) {
		if (!request.method().equals(method)) {
			throw methodNotAllowed(request);
		}
	}

	private static SandboxException methodNotAllowed(ODataRequest request) {
		return new SandboxException(405, "ODP_METHOD_NOT_ALLOWED",
				request.method() + " is not allowed on " + request.resourcePath() + ".");
	}

}
