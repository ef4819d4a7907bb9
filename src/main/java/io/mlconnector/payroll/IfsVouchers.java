package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mlconnector.ifs.IfsBatch;
import io.mlconnector.ifs.IfsClient;
import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.ifs.IfsQuery;
import io.mlconnector.ifs.ODataLiteral;
import io.mlconnector.tenant.IfsConnection;
import io.mlconnector.tenant.MappingRules;
import io.mlconnector.tenant.PayrollMapping;

/**
 * The payroll flow's view of IFS Cloud vouchers: posts a voucher once
 * ({@link IfsClient#createOnce}: looked up by its unique reference, header and rows in
 * one atomic {@code $batch} change set, so a repeat after a crash finds the voucher
 * instead of creating a second), finds one, dates a reversal into an open period and
 * checks that every code part a plan uses exists.
 * <p>
 * The IFS facts exactly-once relies on are assumptions the reference marks as such: the
 * voucher and its rows carry the reference in {@code mapping.voucher-reference-field}
 * ({@code ReferenceNumber}), at most {@code mapping.voucher-reference-max-length}
 * characters wide, and the voucher set read here shows vouchers still on hold as well as
 * those already moved to the GL.
 */
final class IfsVouchers {

	static final List<String> VOUCHER_KEYS = List.of("Company", "VoucherType", "AccountingYear", "VoucherNo");

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final IfsClient ifs;

	private final IfsConnection connection;

	private final MappingRules rules;

	private final String currency;

	IfsVouchers(IfsClient ifs, MappingRules rules) {
		this(ifs, rules, null);
	}

	/**
	 * The tenant's vouchers.
	 * @param ifs the tenant's IFS client
	 * @param rules the tenant's mapping
	 * @param currency the ISO 4217 currency stamped on every row ({@code CurrencyCode}),
	 * or {@code null} to leave it to the company's default
	 */
	IfsVouchers(IfsClient ifs, MappingRules rules, String currency) {
		this.ifs = ifs;
		this.connection = ifs.connection();
		this.rules = rules;
		this.currency = currency;
	}

	/**
	 * Posts a voucher unless IFS has it already.
	 * @param voucher the voucher
	 * @return the IFS keys of the voucher (found or created)
	 */
	Map<String, Object> post(VoucherDraft voucher) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (VoucherDraft.Row row : voucher.rows()) {
			rows.add(row(voucher, row));
		}
		IfsBatch.CreatedOnce posted = this.ifs
			.createOnce(this.connection.entitySets().voucher(), reference(voucher), header(voucher),
					this.connection.entitySets().voucherRowsNavigation(), rows)
			.block(TIMEOUT);
		return keys(posted.header());
	}

	/**
	 * The voucher with this voucher's reference, if IFS has one.
	 */
	Optional<IfsEntity> find(VoucherDraft voucher) {
		return this.ifs.findUnique(this.connection.entitySets().voucher(), reference(voucher)).blockOptional(TIMEOUT);
	}

	/**
	 * What identifies a payroll voucher in IFS: its company and its unique reference.
	 */
	private Map<String, Object> reference(VoucherDraft voucher) {
		Map<String, Object> reference = new LinkedHashMap<>();
		reference.put("Company", voucher.company());
		reference.put(this.rules.payroll().voucherReferenceField(), voucher.reference());
		return reference;
	}

	/**
	 * The date a reversal can be booked with in IFS: its own when its accounting period
	 * is open (or IFS lists no period for it), else, as the tenant chooses, the first day
	 * of the next open period or none.
	 * @param company the IFS company
	 * @param date the voucher's date
	 * @return the date to book with, empty when the period is closed and the tenant
	 * refuses to move it
	 */
	Optional<java.time.LocalDate> openDate(String company, java.time.LocalDate date) {
		List<IfsEntity> periods = this.ifs
			.readAll(this.connection.entitySets().accountingPeriod(),
					IfsQuery.all()
						.filter(ODataLiteral.compare("Company", "eq", company) + " and DateUntil ge " + date)
						.top(60))
			.collectList()
			.block(TIMEOUT);
		List<IfsEntity> ordered = periods.stream()
			.sorted(java.util.Comparator.comparing((IfsEntity period) -> period.date("DateFrom")))
			.toList();
		IfsEntity current = ordered.stream()
			.filter((period) -> !period.date("DateFrom").isAfter(date))
			.findFirst()
			.orElse(null);
		if (current == null || !"Closed".equalsIgnoreCase(current.string("PeriodStatus"))) {
			return Optional.of(date);
		}
		if (this.rules.payroll().reversalInClosedPeriod() == PayrollMapping.ClosedPeriod.REFUSE) {
			return Optional.empty();
		}
		return ordered.stream()
			.filter((period) -> period.date("DateFrom").isAfter(date))
			.filter((period) -> !"Closed".equalsIgnoreCase(period.string("PeriodStatus")))
			.map((period) -> period.date("DateFrom"))
			.findFirst();
	}

	/**
	 * The accounts and cost centers of the vouchers that do not exist in IFS for their
	 * company, looked up once per company.
	 * @param vouchers the vouchers
	 * @return one problem per missing value
	 */
	List<String> missingCodes(List<VoucherDraft> vouchers) {
		List<String> problems = new ArrayList<>();
		for (VoucherDraft voucher : vouchers) {
			if (voucher.reference().length() > this.rules.payroll().voucherReferenceMaxLength()) {
				problems
					.add("reference " + voucher.reference() + " is longer than mapping.voucher-reference-max-length ("
							+ this.rules.payroll().voucherReferenceMaxLength()
							+ "): use a shorter IFS company code or a wider "
							+ "reference field (mapping.voucher-reference-field)");
			}
			Set<String> accounts = values(this.connection.entitySets().account(), "Account", voucher.company());
			Set<String> costCenters = values(this.connection.entitySets().costCenter(),
					this.rules.allocation().costCenterCodePart(), voucher.company());
			Set<String> projects = voucher.rows().stream().anyMatch((row) -> row.project() != null)
					? values(this.connection.entitySets().project(), this.rules.allocation().jobCodePart(),
							voucher.company())
					: Set.of();
			Set<String> reported = new HashSet<>();
			for (VoucherDraft.Row row : voucher.rows()) {
				if (!accounts.contains(row.account()) && reported.add("account " + row.account())) {
					problems.add("account " + row.account() + " does not exist in IFS company " + voucher.company()
							+ ": create it in IFS or map the component to an existing account");
				}
				if (row.costCenter() != null && !costCenters.contains(row.costCenter())
						&& reported.add("cost center " + row.costCenter())) {
					problems.add("cost center " + row.costCenter() + " (" + this.rules.allocation().costCenterCodePart()
							+ ") does not exist in IFS company " + voucher.company()
							+ ": create it in IFS or fix the allocation rules");
				}
				if (row.project() != null && !projects.contains(row.project())
						&& reported.add("project " + row.project())) {
					problems.add("project " + row.project() + " (" + this.rules.allocation().jobCodePart()
							+ ") does not exist in IFS company " + voucher.company()
							+ ": create it in IFS or fix mapping.job-by-title and the allocation rules");
				}
			}
		}
		return problems;
	}

	private Set<String> values(io.mlconnector.tenant.IfsEntitySet set, String property, String company) {
		List<IfsEntity> entities = this.ifs
			.readAll(set, IfsQuery.all().filter(ODataLiteral.compare("Company", "eq", company)).select(property))
			.collectList()
			.block(TIMEOUT);
		Set<String> values = new HashSet<>();
		entities.forEach((entity) -> values.add(entity.string(property)));
		return values;
	}

	private Map<String, Object> header(VoucherDraft voucher) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("Company", voucher.company());
		header.put("VoucherType", voucher.voucherType());
		// [ASSUMPTION] the accounting year follows the tenant's fiscal calendar
		// (mapping.fiscal-year-start-month), named by the year in which it ends
		header.put("AccountingYear", this.rules.payroll().accountingYear(voucher.voucherDate()));
		header.put("VoucherDate", voucher.voucherDate());
		header.put("VoucherText", voucher.text());
		header.put(this.rules.payroll().voucherReferenceField(), voucher.reference());
		return header;
	}

	private Map<String, Object> row(VoucherDraft voucher, VoucherDraft.Row row) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("Account", row.account());
		if (row.costCenter() != null) {
			values.put(this.rules.allocation().costCenterCodePart(), row.costCenter());
		}
		if (row.project() != null) {
			values.put(this.rules.allocation().jobCodePart(), row.project());
		}
		if (this.currency != null) {
			values.put("CurrencyCode", this.currency);
		}
		// IFS spells it "Debet"; a row carries one side only
		if (row.debit().signum() != 0) {
			values.put("CurrencyDebetAmount", row.debit());
		}
		else {
			values.put("CurrencyCreditAmount", row.credit());
		}
		values.put("Text", (row.employeeUuid() != null) ? voucher.text() + " " + row.employeeUuid() : voucher.text());
		values.put(this.rules.payroll().voucherReferenceField(), voucher.reference());
		return values;
	}

	/**
	 * The IFS keys of a voucher, as the posting records keep them.
	 */
	static Map<String, Object> keys(IfsEntity voucher) {
		Map<String, Object> keys = new LinkedHashMap<>();
		for (String key : VOUCHER_KEYS) {
			Object value = voucher.get(key);
			keys.put(key, (value instanceof BigDecimal number) ? number.longValue() : value);
		}
		return keys;
	}

}
