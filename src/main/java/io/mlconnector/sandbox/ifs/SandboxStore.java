package io.mlconnector.sandbox.ifs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The simulator's records, in memory. Every method is synchronized: the sandbox is a test
 * double, and one lock makes {@code $batch} change sets trivially atomic (an undo log
 * rolls a failed change set back).
 */
final class SandboxStore {

	private static final Comparator<List<Object>> KEY_ORDER = (left, right) -> {
		for (int i = 0; i < left.size(); i++) {
			int compared = EdmType.compare(left.get(i), right.get(i));
			if (compared != 0) {
				return compared;
			}
		}
		return 0;
	};

	private static final char[] ROWID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
		.toCharArray();

	private final SandboxModel model;

	private final Clock clock;

	private final Map<EntitySet, TreeMap<List<Object>, Row>> rows = new HashMap<>();

	private final Map<EntitySet, AtomicLong> sequences = new HashMap<>();

	private final Set<String> locked = new HashSet<>();

	private final AtomicLong objids = new AtomicLong();

	private Deque<Runnable> undo;

	SandboxStore(SandboxModel model, Clock clock) {
		this.model = model;
		this.clock = clock;
		reset();
	}

	SandboxModel model() {
		return this.model;
	}

	/**
	 * Drops every record and lock and loads the seed data: company 10 (the demo
	 * tenant's), 20 (in EUR), 30 and 40 (the demo's other payroll companies), each with
	 * its accounts and cost centers.
	 */
	synchronized void reset() {
		this.rows.clear();
		this.sequences.clear();
		this.locked.clear();
		this.undo = null;
		for (EntitySet set : this.model.sets()) {
			this.rows.put(set, new TreeMap<>(KEY_ORDER));
			this.sequences.put(set, new AtomicLong());
		}
		seed("10", "Demo Co", "USD");
		seed("20", "Demo Co Europe", "EUR");
		// the demo tenant's payroll companies besides 10 (mapping.company-by-location)
		seed("30", "Demo Co Texas", "USD");
		seed("40", "Demo Co New York", "USD");
	}

	private void seed(String company, String name, String currency) {
		insert(this.model.companies, Map.of("Company", company, "Name", name, "CurrencyCode", currency), null);
		Map<String, String> accounts = new TreeMap<>(Map.of("1930", "Cash at bank", "2710", "Tax liabilities", "2810",
				"Deductions payable", "2910", "Net pay liability", "7010", "Salaries", "7510", "Employer taxes", "7610",
				"Employer benefits", "7710", "Reimbursements"));
		accounts
			.forEach((account,
					description) -> insert(this.model.accounts, Map.of("Company", company, "Account", account,
							"Description", description, "AccountGroup", account.startsWith("7") ? "COST" : "LIAB"),
							null));
		for (String costCenter : List.of("CC-100", "CC-200", "CC-300", "CC-900")) {
			insert(this.model.costCenters,
					Map.of("Company", company, "CodeB", costCenter, "Description", "Cost center " + costCenter), null);
		}
		for (String project : List.of("P-100", "P-200")) {
			insert(this.model.projects,
					Map.of("Company", company, "CodeC", project, "Description", "Project " + project), null);
		}
		// calendar-month periods, all open, two years back and two ahead (close one with
		// POST /sandbox/ifs/_admin/touch and {"PeriodStatus": "Closed"})
		int thisYear = LocalDate.now(this.clock).getYear();
		for (int year = thisYear - 2; year <= thisYear + 2; year++) {
			for (int month = 1; month <= 12; month++) {
				LocalDate from = LocalDate.of(year, month, 1);
				insert(this.model.accountingPeriods,
						Map.of("Company", company, "AccountingYear", (long) year, "PeriodNo", (long) month, "DateFrom",
								from, "DateUntil", from.plusMonths(1).minusDays(1), "PeriodStatus", "Open"),
						null);
			}
		}
	}

	synchronized Row find(EntitySet set, List<Object> key) {
		return this.rows.get(set).get(key);
	}

	/**
	 * A snapshot of the set's records in key order.
	 * @param set the set
	 * @return the records
	 */
	synchronized List<Row> all(EntitySet set) {
		return new ArrayList<>(this.rows.get(set).values());
	}

	synchronized int size(EntitySet set) {
		return this.rows.get(set).size();
	}

	/**
	 * Children of a record through a navigation, in key order.
	 * @param parent the parent record
	 * @param children the child set
	 * @return the children
	 */
	synchronized List<Row> children(Row parent, EntitySet children) {
		List<Object> prefix = parent.key();
		return this.rows.get(children)
			.values()
			.stream()
			.filter((row) -> row.key().subList(0, prefix.size()).equals(prefix))
			.toList();
	}

	/**
	 * Inserts a record, assigning the server key, objid, state and version.
	 * @param set the set
	 * @param values the client's values (validated)
	 * @param version the version to stamp, or null for "now"
	 * @return the stored row
	 */
	synchronized Row insert(EntitySet set, Map<String, Object> values, Instant version) {
		Map<String, Object> stored = new HashMap<>(values);
		EntityType type = set.type();
		if (type.serverKey() != null && stored.get(type.serverKey()) == null) {
			stored.put(type.serverKey(), nextNumber(set, stored));
		}
		if (type.stateful()) {
			stored.putIfAbsent(EntityType.OBJSTATE, type.initialState());
		}
		Instant objversion = (version != null) ? version : nextVersion(null);
		if (type.changeTimestamp() != null) {
			stored.put(type.changeTimestamp(), objversion);
		}
		Row row = new Row(set, nextObjid(), objversion, ordered(type, stored));
		List<Object> key = row.key();
		if (this.rows.get(set).containsKey(key)) {
			throw SandboxException.conflict(set.type().name() + " " + row.keyPredicate() + " already exists.");
		}
		this.rows.get(set).put(key, row);
		if (this.undo != null) {
			this.undo.push(() -> this.rows.get(set).remove(key));
		}
		return row;
	}

	/**
	 * Stores a new version of a record.
	 * @param old the current row
	 * @param values the complete new values
	 * @return the new row, with a new objversion (and so a new ETag)
	 */
	synchronized Row update(Row old, Map<String, Object> values) {
		EntityType type = old.set().type();
		Instant objversion = nextVersion(old.objversion());
		Map<String, Object> stored = new HashMap<>(values);
		if (type.changeTimestamp() != null) {
			stored.put(type.changeTimestamp(), objversion);
		}
		Row row = new Row(old.set(), old.objid(), objversion, ordered(type, stored));
		this.rows.get(old.set()).put(old.key(), row);
		if (this.undo != null) {
			this.undo.push(() -> this.rows.get(old.set()).put(old.key(), old));
		}
		return row;
	}

	synchronized void delete(Row row) {
		this.rows.get(row.set()).remove(row.key());
		if (this.undo != null) {
			this.undo.push(() -> this.rows.get(row.set()).put(row.key(), row));
		}
	}

	/**
	 * Runs a unit of work atomically: if it throws, every write it made is undone.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 */
	synchronized <T> T atomically(Supplier<T> work) {
		Deque<Runnable> outer = this.undo;
		this.undo = new ArrayDeque<>();
		try {
			T result = work.get();
			if (outer != null) {
				this.undo.descendingIterator().forEachRemaining(outer::push);
			}
			return result;
		}
		catch (RuntimeException ex) {
			this.undo.forEach(Runnable::run);
			throw ex;
		}
		finally {
			this.undo = outer;
		}
	}

	synchronized void lock(Row row) {
		this.locked.add(row.set().name() + row.key());
	}

	synchronized void unlockAll() {
		this.locked.clear();
	}

	synchronized boolean isLocked(Row row) {
		return this.locked.contains(row.set().name() + row.key());
	}

	/**
	 * The next objversion of a record: now, to the second, but always later than the
	 * previous one, so two writes within one second still change the ETag (the simulated
	 * clock of reference section 10.3, [ASSUMPTION]).
	 */
	private Instant nextVersion(Instant previous) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return (previous != null && !now.isAfter(previous)) ? previous.plusSeconds(1) : now;
	}

	private Long nextNumber(EntitySet set, Map<String, Object> values) {
		if (set == this.model.vouchers || set == this.model.voucherRows) {
			// voucher numbers per (company, type, year); row numbers per voucher
			List<String> scope = set.type().keys().subList(0, set.type().keys().indexOf(set.type().serverKey()));
			long max = this.rows.get(set)
				.values()
				.stream()
				.filter((row) -> scope.stream().allMatch((key) -> equal(row.get(key), values.get(key))))
				.mapToLong((row) -> (Long) row.get(set.type().serverKey()))
				.max()
				.orElse((set == this.model.vouchers) ? 1000 : 0);
			return max + 1;
		}
		return this.sequences.get(set).incrementAndGet();
	}

	private static boolean equal(Object a, Object b) {
		return EdmType.compare(a, b) == 0;
	}

	private String nextObjid() {
		long id = this.objids.incrementAndGet();
		char[] objid = "AAAVxYAAFAAAAAAAAA".toCharArray();
		for (int i = objid.length - 1; i >= 6 && id > 0; i--) {
			objid[i] = ROWID_ALPHABET[(int) (id % 64)];
			id /= 64;
		}
		return new String(objid);
	}

	private static Map<String, Object> ordered(EntityType type, Map<String, Object> values) {
		Map<String, Object> ordered = new java.util.LinkedHashMap<>();
		type.properties().keySet().forEach((property) -> ordered.put(property, values.get(property)));
		return ordered;
	}

	/**
	 * Debit and credit totals of a voucher's rows.
	 * @param voucher the voucher
	 * @return debit total and credit total
	 */
	synchronized BigDecimal[] totals(Row voucher) {
		BigDecimal debit = BigDecimal.ZERO;
		BigDecimal credit = BigDecimal.ZERO;
		for (Row row : children(voucher, this.model.voucherRows)) {
			debit = debit.add(amount(row, "CurrencyDebetAmount"));
			credit = credit.add(amount(row, "CurrencyCreditAmount"));
		}
		return new BigDecimal[] { debit, credit };
	}

	static BigDecimal amount(Row row, String property) {
		Object value = row.get(property);
		return (value != null) ? (BigDecimal) value : BigDecimal.ZERO;
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock);
	}

}
