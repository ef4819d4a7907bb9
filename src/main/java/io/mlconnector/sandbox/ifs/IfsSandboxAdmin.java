package io.mlconnector.sandbox.ifs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Test and demo controls under {@code /sandbox/ifs/_admin/}: reset, settings, faults,
 * token expiry, row locks, changes "by another user", a generator of supplier invoices
 * and purchase orders, request counters, and the voucher query the demo and the tests
 * read ({@code GET /sandbox/ifs/_admin/vouchers?reference=R}).
 */
final class IfsSandboxAdmin {

	private final IfsSandbox sandbox;

	private final SandboxStore store;

	private final ODataService service;

	private final Clock clock;

	private final IfsSandboxProperties properties;

	private volatile ODataService.PagingSettings paging;

	IfsSandboxAdmin(IfsSandbox sandbox, Clock clock, IfsSandboxProperties properties) {
		this.sandbox = sandbox;
		this.service = sandbox.service();
		this.store = this.service.store();
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Request bodies of the admin endpoints.
	 *
	 * @param tokenLifetimeSeconds new access token lifetime
	 * @param requestsPerMinute new rate limit, 0 for none
	 * @param defaultPageSize new default page size
	 * @param maxPageSize new maximum page size
	 */
	record Settings(Long tokenLifetimeSeconds, Integer requestsPerMinute, Integer defaultPageSize,
			Integer maxPageSize) {

	}

	/**
	 * A record named by entity set and key predicate.
	 *
	 * @param entitySet entity set name, e.g. {@code ManSuppInvoiceSet}
	 * @param key key predicate, e.g. {@code Company='10',InvoiceId=5}
	 * @param changes property values to write (for {@code touch}), may be null
	 */
	record RecordRef(String entitySet, String key, Map<String, Object> changes) {

	}

	/**
	 * What to generate.
	 *
	 * @param supplierInvoices supplier invoices to add
	 * @param purchaseOrders purchase orders to add
	 * @param company company of the invoices
	 * @param perSecond records sharing one change timestamp second
	 */
	record Generate(Integer supplierInvoices, Integer purchaseOrders, String company, Integer perSecond) {

	}

	IfsSandbox sandbox() {
		return this.sandbox;
	}

	ODataService.PagingSettings paging() {
		ODataService.PagingSettings current = this.paging;
		return (current != null) ? current
				: new ODataService.PagingSettings(this.properties.defaultPageSize(), this.properties.maxPageSize());
	}

	Mono<ServerResponse> reset(ServerRequest request) {
		this.store.reset();
		this.sandbox.faults().clear();
		this.sandbox.resetCounters();
		this.sandbox.tokens().lifetime(this.properties.tokenLifetime());
		this.sandbox.rateLimit().perMinute(this.properties.requestsPerMinute());
		this.paging = null;
		return ok(Map.of("reset", true));
	}

	Mono<ServerResponse> stats(ServerRequest request) {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("requests", this.sandbox.requests());
		stats.put("requestsByMethod", this.sandbox.requestsByMethod());
		stats.put("tokensIssued", this.sandbox.tokens().issued());
		Map<String, Integer> sizes = new LinkedHashMap<>();
		this.store.model().sets().forEach((set) -> sizes.put(set.name(), this.store.size(set)));
		stats.put("records", sizes);
		return ok(stats);
	}

	Mono<ServerResponse> settings(ServerRequest request) {
		return request.bodyToMono(Settings.class).flatMap((settings) -> {
			if ((settings.tokenLifetimeSeconds() != null && settings.tokenLifetimeSeconds() < 1)
					|| (settings.requestsPerMinute() != null && settings.requestsPerMinute() < 0)
					|| (settings.defaultPageSize() != null && settings.defaultPageSize() < 1)
					|| (settings.maxPageSize() != null && settings.maxPageSize() < 1)) {
				throw SandboxException.badRequest("tokenLifetimeSeconds, defaultPageSize and maxPageSize are at least "
						+ "1; requestsPerMinute is at least 0 (0 switches the limit off)");
			}
			if (settings.tokenLifetimeSeconds() != null) {
				this.sandbox.tokens().lifetime(Duration.ofSeconds(settings.tokenLifetimeSeconds()));
			}
			if (settings.requestsPerMinute() != null) {
				this.sandbox.rateLimit().perMinute(settings.requestsPerMinute());
			}
			if (settings.defaultPageSize() != null || settings.maxPageSize() != null) {
				ODataService.PagingSettings current = paging();
				this.paging = new ODataService.PagingSettings(
						(settings.defaultPageSize() != null) ? settings.defaultPageSize() : current.defaultPageSize(),
						(settings.maxPageSize() != null) ? settings.maxPageSize() : current.maxPageSize());
			}
			return ok(Map.of("tokenLifetimeSeconds", this.sandbox.tokens().lifetime().toSeconds(), "requestsPerMinute",
					this.sandbox.rateLimit().perMinute(), "defaultPageSize", paging().defaultPageSize(), "maxPageSize",
					paging().maxPageSize()));
		}).onErrorResume(SandboxException.class, this::error);
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

	Mono<ServerResponse> lock(ServerRequest request) {
		return request.bodyToMono(RecordRef.class).flatMap((ref) -> {
			Row row = find(ref);
			this.store.lock(row);
			return ok(Map.of("locked", row.path()));
		}).onErrorResume(SandboxException.class, this::error);
	}

	Mono<ServerResponse> unlockAll(ServerRequest request) {
		this.store.unlockAll();
		return ok(Map.of("locks", 0));
	}

	/**
	 * Changes a record as another IFS user would: a new objversion, ETag and change
	 * timestamp, plus any given values.
	 */
	Mono<ServerResponse> touch(ServerRequest request) {
		return request.bodyToMono(RecordRef.class).flatMap((ref) -> {
			Row row = find(ref);
			Map<String, Object> values = new HashMap<>(row.values());
			if (ref.changes() != null) {
				ref.changes().forEach((property, value) -> {
					EdmType type = row.set().type().properties().get(property);
					if (type == null) {
						throw SandboxException
							.badRequest(property + " is not a property of " + row.set().type().name());
					}
					try {
						values.put(property, type.fromJson(property, value));
					}
					catch (IllegalArgumentException ex) {
						throw SandboxException.badRequest(ex.getMessage());
					}
				});
			}
			Row updated = this.store.update(row, values);
			return ok(Map.of("path", updated.path(), "etag", updated.etag()));
		}).onErrorResume(SandboxException.class, this::error);
	}

	Mono<ServerResponse> generate(ServerRequest request) {
		return request.bodyToMono(Generate.class).flatMap((generate) -> {
			int invoices = (generate.supplierInvoices() != null) ? generate.supplierInvoices() : 0;
			int orders = (generate.purchaseOrders() != null) ? generate.purchaseOrders() : 0;
			String company = (generate.company() != null) ? generate.company() : "10";
			int perSecond = (generate.perSecond() != null && generate.perSecond() > 0) ? generate.perSecond() : 10;
			if (invoices < 0 || orders < 0 || invoices + orders > 2_000_000) {
				throw SandboxException.badRequest("generate between 0 and 2,000,000 records");
			}
			if (this.store.find(this.store.model().companies, List.of(company)) == null) {
				throw SandboxException.badRequest("company " + company + " does not exist in the sandbox");
			}
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
			Instant start = now.minusSeconds((Math.max(invoices, orders) / perSecond) + 2);
			LocalDate today = LocalDate.now(this.clock);
			for (int i = 0; i < invoices; i++) {
				Map<String, Object> values = new HashMap<>();
				values.put("Company", company);
				values.put("InvoiceNo", "INV-" + (100000 + i));
				values.put("Identity", "SUP-" + (i % 97));
				values.put("SupplierName", "Supplier " + (i % 97));
				values.put("InvoiceDate", today.minusDays(i % 30));
				values.put("DueDate", today.plusDays(30 - (i % 30)));
				values.put("GrossAmount",
						BigDecimal.valueOf((i * 7919L) % 1_000_000 + 100, 2).setScale(2, RoundingMode.UNNECESSARY));
				values.put("CurrencyCode", "USD");
				this.store.insert(this.store.model().supplierInvoices, values, start.plusSeconds(i / perSecond));
			}
			int firstOrder = this.store.size(this.store.model().purchaseOrders);
			for (int i = 0; i < orders; i++) {
				Map<String, Object> values = new HashMap<>();
				values.put("OrderNo", "P" + (100000 + firstOrder + i));
				values.put("VendorNo", "SUP-" + (i % 97));
				values.put("Contract", "S1");
				values.put("Company", company);
				values.put("OrderDate", today.minusDays(i % 30));
				values.put("TotalAmount", BigDecimal.valueOf((i * 104729L) % 5_000_000 + 1000, 2));
				values.put("CurrencyCode", "USD");
				values.put("Urgent", i % 10 == 0);
				this.store.insert(this.store.model().purchaseOrders, values, start.plusSeconds(i / perSecond));
			}
			return ok(Map.of("supplierInvoices", invoices, "purchaseOrders", orders, "firstChangedDate",
					start.toString(), "lastChangedDate",
					start.plusSeconds(Math.max(0, Math.max(invoices, orders) - 1) / perSecond).toString()));
		}).onErrorResume(SandboxException.class, this::error);
	}

	/**
	 * Vouchers whose header or any row carries the reference (ReferenceNumber, or the
	 * voucher text), with their rows and debit and credit totals.
	 */
	Mono<ServerResponse> vouchers(ServerRequest request) {
		String reference = request.queryParam("reference").orElse(null);
		if (reference == null || reference.isBlank()) {
			return error(SandboxException.badRequest("give ?reference=<voucher reference>"));
		}
		SandboxModel model = this.store.model();
		List<Map<String, Object>> found = new ArrayList<>();
		for (Row voucher : this.store.all(model.vouchers)) {
			List<Row> rows = this.store.children(voucher, model.voucherRows);
			boolean matches = reference.equals(voucher.get("ReferenceNumber"))
					|| reference.equals(voucher.get("VoucherText"))
					|| rows.stream().anyMatch((row) -> reference.equals(row.get("ReferenceNumber")));
			if (!matches) {
				continue;
			}
			Map<String, Object> view = new LinkedHashMap<>(this.service.representation(voucher, null));
			BigDecimal[] totals = this.store.totals(voucher);
			view.put("DebitTotal", totals[0].setScale(2, RoundingMode.HALF_UP));
			view.put("CreditTotal", totals[1].setScale(2, RoundingMode.HALF_UP));
			view.put("Balanced", totals[0].compareTo(totals[1]) == 0);
			view.put(SandboxModel.VOUCHER_ROWS,
					rows.stream().map((row) -> this.service.representation(row, null)).toList());
			found.add(view);
		}
		return ok(Map.of("reference", reference, "count", found.size(), "vouchers", found));
	}

	private Row find(RecordRef ref) {
		if (ref.entitySet() == null || ref.key() == null) {
			throw SandboxException.badRequest("give entitySet and key, e.g. {\"entitySet\":\"ManSuppInvoiceSet\","
					+ "\"key\":\"Company='10',InvoiceId=1\"}");
		}
		EntitySet set = this.store.model()
			.sets()
			.stream()
			.filter((candidate) -> candidate.name().equals(ref.entitySet()))
			.findFirst()
			.orElseThrow(() -> SandboxException.notFound("No entity set " + ref.entitySet()));
		Row row = this.store.find(set, KeyPredicate.parse(ref.key(), set.type()));
		if (row == null) {
			throw SandboxException.notFound(set.type().name() + " (" + ref.key() + ") does not exist.");
		}
		return row;
	}

	private Mono<ServerResponse> ok(Object body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private Mono<ServerResponse> error(SandboxException ex) {
		return ServerResponse.status(HttpStatus.valueOf(ex.status()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ex.body());
	}

}
