package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The posting records: {@code payroll_posting} (one per posting: status, totals, IFS
 * voucher keys, the error) and {@code payroll_voucher} (the planned vouchers, one per IFS
 * company, and what became of them).
 */
class PayrollPostings {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	PayrollPostings(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records the vouchers computed for a posting, before anything is posted. A dry run
	 * keeps them as a preview on the posting record only.
	 */
	void plan(PostingKey key, ProcessedPayroll payroll, List<VoucherDraft> vouchers, long jobExecutionId) {
		this.transactions.executeWithoutResult((status) -> {
			upsert(key, key.dryRun() ? "DRY_RUN" : (vouchers.isEmpty() ? "NOTHING_TO_POST" : "POSTING"), payroll,
					vouchers, jobExecutionId, null);
			if (key.dryRun()) {
				return;
			}
			for (VoucherDraft voucher : vouchers) {
				this.jdbc.sql("""
						INSERT INTO payroll_voucher (tenant, payroll_uuid, kind, company, reference, status,
						    voucher_date, total_debit, total_credit, row_count, draft, created_at)
						VALUES (?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?, ?, ?)""")
					.params(key.tenant(), key.payrollUuid(), key.kind().name(), voucher.company(), voucher.reference(),
							voucher.voucherDate(), voucher.debitTotal(), voucher.creditTotal(), voucher.rows().size(),
							this.json.writeValueAsString(voucher), now())
					.update();
			}
		});
	}

	boolean planned(PostingKey key) {
		return this.jdbc.sql("SELECT COUNT(*) FROM payroll_voucher WHERE tenant = ? AND payroll_uuid = ? AND kind = ?")
			.params(key.tenant(), key.payrollUuid(), key.kind().name())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The vouchers of a posting that are not posted yet.
	 */
	List<PlannedVoucher> unposted(PostingKey key) {
		return this.jdbc.sql("""
				SELECT id, draft FROM payroll_voucher
				WHERE tenant = ? AND payroll_uuid = ? AND kind = ? AND status = 'PLANNED' ORDER BY company""")
			.params(key.tenant(), key.payrollUuid(), key.kind().name())
			.query((rs, row) -> new PlannedVoucher(rs.getLong("id"),
					this.json.readValue(rs.getString("draft"), VoucherDraft.class)))
			.list();
	}

	/**
	 * The vouchers a posting put into IFS, for its reversal.
	 */
	List<VoucherDraft> posted(String tenant, String payrollUuid, PostingKind kind) {
		return this.jdbc.sql("""
				SELECT draft FROM payroll_voucher
				WHERE tenant = ? AND payroll_uuid = ? AND kind = ? AND status = 'POSTED' ORDER BY company""")
			.params(tenant, payrollUuid, kind.name())
			.query((rs, row) -> this.json.readValue(rs.getString("draft"), VoucherDraft.class))
			.list();
	}

	void voucherPosted(long voucherId, String ifsKeys) {
		this.jdbc.sql("UPDATE payroll_voucher SET status = 'POSTED', ifs_keys = ?, posted_at = ? WHERE id = ?")
			.params(ifsKeys, now(), voucherId)
			.update();
	}

	/**
	 * Marks a posting POSTED once every voucher is, with their IFS keys.
	 * @return whether every voucher is posted
	 */
	boolean completeIfAllPosted(PostingKey key) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			List<String> keys = this.jdbc.sql("""
					SELECT ifs_keys FROM payroll_voucher
					WHERE tenant = ? AND payroll_uuid = ? AND kind = ? ORDER BY company""")
				.params(key.tenant(), key.payrollUuid(), key.kind().name())
				.query((rs, row) -> rs.getString(1))
				.list();
			if (keys.isEmpty() || keys.stream().anyMatch((ifsKeys) -> ifsKeys == null)) {
				return false;
			}
			this.jdbc.sql("""
					UPDATE payroll_posting SET status = 'POSTED', ifs_voucher_keys = ?, last_error = NULL,
					    posted_at = ?, updated_at = ?, version = version + 1
					WHERE tenant = ? AND payroll_uuid = ? AND kind = ? AND dry_run = FALSE""")
				.params("[" + String.join(",", keys) + "]", now(), now(), key.tenant(), key.payrollUuid(),
						key.kind().name())
				.update();
			return true;
		}));
	}

	void failed(PostingKey key, String error, long jobExecutionId) {
		this.transactions.executeWithoutResult((status) -> upsert(key, "FAILED", null, null, jobExecutionId,
				(error.length() > 4000) ? error.substring(0, 3997) + "..." : error));
	}

	Optional<String> status(PostingKey key) {
		return this.jdbc.sql(
				"SELECT status FROM payroll_posting WHERE tenant = ? AND payroll_uuid = ? AND kind = ? AND dry_run = ?")
			.params(key.tenant(), key.payrollUuid(), key.kind().name(), key.dryRun())
			.query(String.class)
			.optional();
	}

	private void upsert(PostingKey key, String status, ProcessedPayroll payroll, List<VoucherDraft> vouchers,
			long jobExecutionId, String error) {
		BigDecimal debit = (vouchers != null)
				? vouchers.stream().map(VoucherDraft::debitTotal).reduce(Amounts.ZERO, BigDecimal::add) : null;
		BigDecimal credit = (vouchers != null)
				? vouchers.stream().map(VoucherDraft::creditTotal).reduce(Amounts.ZERO, BigDecimal::add) : null;
		String preview = (key.dryRun() && vouchers != null) ? this.json.writeValueAsString(vouchers) : null;
		BigDecimal gross = (payroll != null)
				? Amounts
					.sum(payroll.employees().stream().map((employee) -> Amounts.cents(employee.grossPay())).toList())
				: null;
		BigDecimal net = (payroll != null)
				? Amounts.sum(payroll.employees().stream().map((employee) -> Amounts.cents(employee.netPay())).toList())
				: null;
		this.jdbc.sql("""
				INSERT INTO payroll_posting (tenant, payroll_uuid, kind, dry_run, status, voucher_reference, preview,
				    check_date, pay_period_end, gross_pay, net_pay, total_debit, total_credit, employee_count,
				    job_execution_id, last_error, created_at, updated_at)
				VALUES (:tenant, :payroll, :kind, :dryRun, :status, :reference, :preview, :checkDate, :periodEnd,
				    :gross, :net, :debit, :credit, :employees, :execution, :error, :now, :now)
				ON DUPLICATE KEY UPDATE status = VALUES(status), preview = COALESCE(VALUES(preview), preview),
				    check_date = COALESCE(VALUES(check_date), check_date),
				    pay_period_end = COALESCE(VALUES(pay_period_end), pay_period_end),
				    gross_pay = COALESCE(VALUES(gross_pay), gross_pay), net_pay = COALESCE(VALUES(net_pay), net_pay),
				    total_debit = COALESCE(VALUES(total_debit), total_debit),
				    total_credit = COALESCE(VALUES(total_credit), total_credit),
				    employee_count = COALESCE(VALUES(employee_count), employee_count),
				    job_execution_id = VALUES(job_execution_id), last_error = VALUES(last_error),
				    updated_at = VALUES(updated_at), version = version + 1""")
			.param("tenant", key.tenant())
			.param("payroll", key.payrollUuid())
			.param("kind", key.kind().name())
			.param("dryRun", key.dryRun())
			.param("status", status)
			.param("reference", key.reference())
			.param("preview", preview)
			.param("checkDate", (payroll != null) ? payroll.checkDate() : null)
			.param("periodEnd", (payroll != null) ? payroll.periodEnd() : null)
			.param("gross", gross)
			.param("net", net)
			.param("debit", debit)
			.param("credit", credit)
			.param("employees", (payroll != null) ? payroll.employees().size() : null)
			.param("execution", jobExecutionId)
			.param("error", error)
			.param("now", now())
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/**
	 * A voucher waiting to be posted.
	 *
	 * @param id its row
	 * @param draft the voucher
	 */
	record PlannedVoucher(long id, VoucherDraft draft) {

	}

}
