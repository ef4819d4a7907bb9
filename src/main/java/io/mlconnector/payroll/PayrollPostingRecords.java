package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the payroll flow tells others about its postings ("was payroll X posted, and
 * where?"): the posting records with their IFS voucher keys and totals, newest first. The
 * operator API reads postings through this, never the table.
 */
public final class PayrollPostingRecords {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PayrollPostingRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The newest postings, optionally of one tenant or one payroll.
	 * @param tenant the tenant, or {@code null} for all
	 * @param payroll the Gusto payroll uuid, or {@code null} for all
	 * @param limit at most this many
	 * @return the postings, newest first
	 */
	public List<Posting> find(String tenant, String payroll, int limit) {
		return this.jdbc
			.sql("SELECT * FROM payroll_posting WHERE (:tenant IS NULL OR tenant = :tenant) "
					+ "AND (:payroll IS NULL OR payroll_uuid = :payroll) ORDER BY id DESC LIMIT :limit")
			.param("tenant", tenant)
			.param("payroll", payroll)
			.param("limit", limit)
			.query((rs, row) -> new Posting(rs.getString("tenant"), rs.getString("payroll_uuid"), rs.getString("kind"),
					rs.getBoolean("dry_run"), rs.getString("status"), rs.getString("voucher_reference"),
					rs.getString("ifs_voucher_keys"), rs.getObject("check_date", LocalDate.class),
					rs.getString("currency"), rs.getBigDecimal("gross_pay"), rs.getBigDecimal("total_debit"),
					rs.getBigDecimal("total_credit"), rs.getObject("job_execution_id", Long.class),
					rs.getString("last_error"), rs.getObject("posted_at", LocalDateTime.class),
					(rs.getString("preview") != null) ? this.json.readTree(rs.getString("preview")) : null,
					rs.getString("note")))
			.list();
	}

	/**
	 * One posting.
	 *
	 * @param tenant tenant
	 * @param payrollUuid Gusto payroll
	 * @param kind ACCRUAL, PAYMENT or REVERSAL
	 * @param dryRun whether the vouchers were only computed
	 * @param status POSTING, POSTED, FAILED, NOTHING_TO_POST, DRY_RUN or CANCELLED
	 * @param voucherReference the unique reference stamped on the IFS vouchers
	 * @param ifsVoucherKeys the IFS vouchers (JSON)
	 * @param checkDate the payroll's check date
	 * @param currency currency
	 * @param grossPay gross pay
	 * @param totalDebit sum of debits over all vouchers
	 * @param totalCredit sum of credits over all vouchers
	 * @param jobExecutionId the posting job execution
	 * @param lastError why it failed
	 * @param postedAt when it was posted (UTC)
	 * @param preview the vouchers a dry run computed
	 * @param note why nothing or only part was posted, or the plan's warnings
	 */
	public record Posting(String tenant, String payrollUuid, String kind, boolean dryRun, String status,
			String voucherReference, String ifsVoucherKeys, LocalDate checkDate, String currency, BigDecimal grossPay,
			BigDecimal totalDebit, BigDecimal totalCredit, Long jobExecutionId, String lastError,
			LocalDateTime postedAt, JsonNode preview, String note) {

	}

}
