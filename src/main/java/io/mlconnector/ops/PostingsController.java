package io.mlconnector.ops;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Was payroll X posted, and where?": payroll postings with their IFS voucher keys and
 * totals.
 */
@RestController
@RequestMapping("/api/v1/postings")
class PostingsController {

	private final JdbcClient jdbc;

	private final OperatorActions actions;

	private final JsonMapper json;

	PostingsController(JdbcClient jdbc, OperatorActions actions, JsonMapper json) {
		this.jdbc = jdbc;
		this.actions = actions;
		this.json = json;
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
	record Posting(String tenant, String payrollUuid, String kind, boolean dryRun, String status,
			String voucherReference, String ifsVoucherKeys, LocalDate checkDate, String currency, BigDecimal grossPay,
			BigDecimal totalDebit, BigDecimal totalCredit, Long jobExecutionId, String lastError,
			LocalDateTime postedAt, JsonNode preview, String note) {

	}

	@GetMapping
	Mono<List<Posting>> list(@RequestParam(required = false) String tenant,
			@RequestParam(required = false) String payroll, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw Problems.badRequest("limit must be between 1 and 1000");
		}
		return this.actions.read(() -> this.jdbc
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
			.list());
	}

}
