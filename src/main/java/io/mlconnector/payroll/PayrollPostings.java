package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The posting records: {@code payroll_posting} (one per posting: status, totals, IFS
 * voucher keys, the error) and {@code payroll_voucher} (the planned vouchers, one per IFS
 * company, and what became of them).
 */
class PayrollPostings {

	private static final String VOUCHERS = "SELECT v.id, v.status, v.claimed_by, v.draft, x.STATUS AS claim_status "
			+ "FROM payroll_voucher v LEFT JOIN BATCH_JOB_EXECUTION x ON x.JOB_EXECUTION_ID = v.claimed_by ";

	private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	/** Claims commit on their own, before IFS is called, even inside a chunk. */
	private final TransactionTemplate claims;

	private final JsonMapper json;

	private final Clock clock;

	PayrollPostings(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.claims = new TransactionTemplate(transactions.getTransactionManager());
		this.claims
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
			this.jdbc.sql(
					"INSERT IGNORE INTO payroll_state (tenant, payroll_uuid, created_at, updated_at) VALUES (?, ?, ?, ?)")
				.params(key.tenant(), key.payrollUuid(), now(), now())
				.update();
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

	/**
	 * Locks the payroll's state row for the rest of the transaction: claims and the
	 * cancellation of one payroll's postings are serialised on it, across instances.
	 * @return whether Gusto cancelled the payroll (as its REVERSAL posting recorded)
	 */
	boolean lockPayroll(String tenant, String payrollUuid) {
		// FOR UPDATE first: an INSERT IGNORE on an existing row takes a shared lock, and
		// two
		// transactions upgrading shared locks deadlock
		Optional<Boolean> cancelled = lockedState(tenant, payrollUuid);
		if (cancelled.isPresent()) {
			return cancelled.get();
		}
		this.jdbc
			.sql("INSERT IGNORE INTO payroll_state (tenant, payroll_uuid, created_at, updated_at) VALUES (?, ?, ?, ?)")
			.params(tenant, payrollUuid, now(), now())
			.update();
		return lockedState(tenant, payrollUuid).orElseThrow();
	}

	private Optional<Boolean> lockedState(String tenant, String payrollUuid) {
		return this.jdbc
			.sql("SELECT cancelled_at IS NOT NULL FROM payroll_state WHERE tenant = ? AND payroll_uuid = ? FOR UPDATE")
			.params(tenant, payrollUuid)
			.query(Boolean.class)
			.optional();
	}

	/**
	 * Whether Gusto cancelled the payroll, as its REVERSAL posting recorded.
	 */
	boolean cancelled(String tenant, String payrollUuid) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM payroll_state WHERE tenant = ? AND payroll_uuid = ? AND cancelled_at IS NOT NULL")
			.params(tenant, payrollUuid)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Marks the payroll cancelled; call with the payroll locked.
	 */
	void markCancelled(String tenant, String payrollUuid) {
		this.jdbc
			.sql("UPDATE payroll_state SET cancelled_at = COALESCE(cancelled_at, ?), updated_at = ? "
					+ "WHERE tenant = ? AND payroll_uuid = ?")
			.params(now(), now(), tenant, payrollUuid)
			.update();
	}

	boolean planned(PostingKey key) {
		return this.jdbc.sql("SELECT COUNT(*) FROM payroll_voucher WHERE tenant = ? AND payroll_uuid = ? AND kind = ?")
			.params(key.tenant(), key.payrollUuid(), key.kind().name())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Every voucher of a posting and what became of it.
	 */
	List<VoucherRecord> vouchers(String tenant, String payrollUuid, PostingKind kind) {
		return this.jdbc.sql(VOUCHERS + "WHERE v.tenant = ? AND v.payroll_uuid = ? AND v.kind = ? ORDER BY v.company")
			.params(tenant, payrollUuid, kind.name())
			.query(this::voucherRecord)
			.list();
	}

	/**
	 * Drops the plan of a posting none of whose vouchers left for IFS, so that it is
	 * planned afresh.
	 * @return whether there was a plan to drop
	 */
	boolean dropPlan(PostingKey key) {
		return this.jdbc.sql(
				"DELETE FROM payroll_voucher WHERE tenant = ? AND payroll_uuid = ? AND kind = ? AND status = 'PLANNED'")
			.params(key.tenant(), key.payrollUuid(), key.kind().name())
			.update() > 0;
	}

	/**
	 * Withdraws a voucher that is never to be sent to IFS (Gusto cancelled the payroll).
	 */
	void withdraw(long voucherId) {
		this.jdbc
			.sql("UPDATE payroll_voucher SET status = 'WITHDRAWN' WHERE id = ? AND status IN ('PLANNED', 'POSTING')")
			.param(voucherId)
			.update();
	}

	/**
	 * Claims a planned voucher for a job execution before it is sent to IFS, in a
	 * transaction of its own that commits before IFS is called. A voucher claimed by an
	 * execution that still runs (a second restart of the same posting on another node) is
	 * refused; the claim of an execution that ended (crash, failure) is taken over, and
	 * the writer then looks the voucher up in IFS before it creates it. An accrual or
	 * payment voucher of a payroll Gusto cancelled is withdrawn instead.
	 * @param voucher the voucher's row
	 * @param key the posting
	 * @param executionId the claiming job execution
	 * @return what the claim found
	 */
	Claim claim(long voucher, PostingKey key, long executionId) {
		return this.claims.execute((status) -> {
			boolean cancelled = lockPayroll(key.tenant(), key.payrollUuid());
			VoucherRecord current = this.jdbc.sql(VOUCHERS + "WHERE v.id = ? FOR UPDATE")
				.param(voucher)
				.query(this::voucherRecord)
				.single();
			if (current.status() == VoucherStatus.POSTED) {
				return new Claim.AlreadyPosted();
			}
			if (current.status() == VoucherStatus.WITHDRAWN) {
				return new Claim.Withdrawn();
			}
			if (current.status() == VoucherStatus.POSTING && current.claimedBy() != null
					&& current.claimedBy() != executionId && current.claimRunning()) {
				return new Claim.Busy(current.claimedBy());
			}
			if (cancelled && key.kind() != PostingKind.REVERSAL) {
				withdraw(voucher);
				return new Claim.Withdrawn();
			}
			this.jdbc.sql("UPDATE payroll_voucher SET status = 'POSTING', claimed_by = ?, claimed_at = ? WHERE id = ?")
				.params(executionId, now(), voucher)
				.update();
			return new Claim.Claimed(current.status() == VoucherStatus.POSTING);
		});
	}

	/**
	 * Records a voucher as posted; only the execution holding its claim may.
	 * @throws IllegalStateException if the claim was lost
	 */
	void voucherPosted(long voucherId, long executionId, String ifsKeys) {
		int updated = this.jdbc
			.sql("UPDATE payroll_voucher SET status = 'POSTED', ifs_keys = ?, posted_at = ? "
					+ "WHERE id = ? AND status = 'POSTING' AND claimed_by = ?")
			.params(ifsKeys, now(), voucherId, executionId)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("voucher " + voucherId + " is no longer claimed by job execution "
					+ executionId + "; the execution that took it over looks it up in IFS before posting it");
		}
	}

	/**
	 * Gives a claimed voucher back when IFS refused it outright (nothing of it reached
	 * IFS), so that a restart after the fix may plan the posting afresh.
	 */
	void releaseClaim(long voucherId, long executionId) {
		// on its own: the chunk's transaction rolls back with the failure
		this.claims.executeWithoutResult((status) -> this.jdbc
			.sql("UPDATE payroll_voucher SET status = 'PLANNED', claimed_by = NULL, claimed_at = NULL "
					+ "WHERE id = ? AND status = 'POSTING' AND claimed_by = ?")
			.params(voucherId, executionId)
			.update());
	}

	/**
	 * Records a voucher whose claim had an unknown outcome and that IFS holds as posted.
	 */
	void voucherFound(long voucherId, String ifsKeys) {
		this.jdbc
			.sql("UPDATE payroll_voucher SET status = 'POSTED', ifs_keys = ?, posted_at = ? "
					+ "WHERE id = ? AND status IN ('PLANNED', 'POSTING')")
			.params(ifsKeys, now(), voucherId)
			.update();
	}

	/**
	 * The vouchers of a posting that are not posted yet.
	 */
	List<PlannedVoucher> unposted(PostingKey key) {
		return vouchers(key.tenant(), key.payrollUuid(), key.kind()).stream()
			.filter((voucher) -> voucher.status() == VoucherStatus.PLANNED || voucher.status() == VoucherStatus.POSTING)
			.map((voucher) -> new PlannedVoucher(voucher.id(), voucher.draft()))
			.toList();
	}

	/**
	 * The vouchers a posting put into IFS.
	 */
	List<VoucherDraft> posted(String tenant, String payrollUuid, PostingKind kind) {
		return vouchers(tenant, payrollUuid, kind).stream()
			.filter((voucher) -> voucher.status() == VoucherStatus.POSTED)
			.map(VoucherRecord::draft)
			.toList();
	}

	/**
	 * Marks a posting POSTED once every voucher is in IFS, or CANCELLED when Gusto
	 * cancelled the payroll and some vouchers were withdrawn.
	 * @return whether the posting is complete
	 */
	boolean completeIfAllPosted(PostingKey key) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			List<VoucherRecord> vouchers = vouchers(key.tenant(), key.payrollUuid(), key.kind());
			if (vouchers.isEmpty() || vouchers.stream()
				.anyMatch((voucher) -> voucher.status() == VoucherStatus.PLANNED
						|| voucher.status() == VoucherStatus.POSTING)) {
				return false;
			}
			List<String> keys = this.jdbc
				.sql("SELECT ifs_keys FROM payroll_voucher WHERE tenant = ? AND payroll_uuid = ? AND kind = ? "
						+ "AND status = 'POSTED' ORDER BY company")
				.params(key.tenant(), key.payrollUuid(), key.kind().name())
				.query((rs, row) -> rs.getString(1))
				.list();
			long withdrawn = vouchers.stream().filter((voucher) -> voucher.status() == VoucherStatus.WITHDRAWN).count();
			String note = (withdrawn == 0) ? null
					: "Gusto cancelled the payroll: " + withdrawn + " voucher(s) were withdrawn before they reached IFS"
							+ (keys.isEmpty() ? ""
									: "; the " + keys.size() + " posted before are reversed by the REVERSAL posting");
			this.jdbc
				.sql("""
						UPDATE payroll_posting SET status = ?, ifs_voucher_keys = ?, last_error = NULL, note = COALESCE(?, note),
						    posted_at = ?, updated_at = ?, version = version + 1
						WHERE tenant = ? AND payroll_uuid = ? AND kind = ? AND dry_run = FALSE""")
				.params((withdrawn == 0) ? "POSTED" : "CANCELLED",
						keys.isEmpty() ? null : "[" + String.join(",", keys) + "]", note, now(), now(), key.tenant(),
						key.payrollUuid(), key.kind().name())
				.update();
			return true;
		}));
	}

	void failed(PostingKey key, String error, long jobExecutionId) {
		this.transactions.executeWithoutResult((status) -> upsert(key, "FAILED", null, null, jobExecutionId,
				(error.length() > 4000) ? error.substring(0, 3997) + "..." : error));
	}

	/**
	 * Records a posting that has nothing (more) to post, with the reason.
	 * @param status NOTHING_TO_POST or CANCELLED
	 */
	void nothingToPost(PostingKey key, ProcessedPayroll payroll, String status, String reason, long jobExecutionId) {
		this.transactions.executeWithoutResult((tx) -> {
			upsert(key, status, payroll, List.of(), jobExecutionId, null);
			note(key, reason);
		});
	}

	/**
	 * Records the plan's warnings, or why nothing (more) is posted.
	 */
	void note(PostingKey key, String note) {
		this.jdbc
			.sql("UPDATE payroll_posting SET note = ?, updated_at = ? "
					+ "WHERE tenant = ? AND payroll_uuid = ? AND kind = ? AND dry_run = ?")
			.params((note != null && note.length() > 2000) ? note.substring(0, 1997) + "..." : note, now(),
					key.tenant(), key.payrollUuid(), key.kind().name(), key.dryRun())
			.update();
	}

	/**
	 * The postings of these kinds that failed, to be retried.
	 */
	List<PostingKey> failed(String tenant, List<PostingKind> kinds) {
		return this.jdbc
			.sql("SELECT payroll_uuid, kind FROM payroll_posting WHERE tenant = :tenant AND status = 'FAILED' "
					+ "AND dry_run = FALSE AND kind IN (:kinds) ORDER BY id")
			.param("tenant", tenant)
			.param("kinds", kinds.stream().map(PostingKind::name).toList())
			.query((rs, row) -> new PostingKey(tenant, rs.getString("payroll_uuid"),
					PostingKind.valueOf(rs.getString("kind")), false))
			.list();
	}

	Optional<String> status(PostingKey key) {
		return this.jdbc.sql(
				"SELECT status FROM payroll_posting WHERE tenant = ? AND payroll_uuid = ? AND kind = ? AND dry_run = ?")
			.params(key.tenant(), key.payrollUuid(), key.kind().name(), key.dryRun())
			.query(String.class)
			.optional();
	}

	private VoucherRecord voucherRecord(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new VoucherRecord(rs.getLong("id"), VoucherStatus.valueOf(rs.getString("status")),
				rs.getObject("claimed_by", Long.class),
				rs.getString("claim_status") != null && RUNNING.contains(rs.getString("claim_status")),
				this.json.readValue(rs.getString("draft"), VoucherDraft.class));
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
	 * What became of a planned voucher.
	 */
	enum VoucherStatus {

		/** Planned, not sent to IFS. */
		PLANNED,

		/** Claimed by a job execution and sent to IFS; the outcome may be unknown. */
		POSTING,

		/** In IFS, with its keys recorded. */
		POSTED,

		/** Never to be sent: Gusto cancelled the payroll first. */
		WITHDRAWN

	}

	/**
	 * A planned voucher and what became of it.
	 *
	 * @param id its row
	 * @param status its state
	 * @param claimedBy the job execution that claimed it, if any
	 * @param claimRunning whether that execution still runs
	 * @param draft the voucher
	 */
	record VoucherRecord(long id, VoucherStatus status, Long claimedBy, boolean claimRunning, VoucherDraft draft) {

	}

	/**
	 * The outcome of claiming a voucher before it is sent to IFS.
	 */
	sealed interface Claim permits Claim.Claimed, Claim.AlreadyPosted, Claim.Withdrawn, Claim.Busy {

		/**
		 * The voucher is this execution's to send.
		 *
		 * @param takenOver whether an execution that ended had claimed it, so its outcome
		 * in IFS is unknown
		 */
		record Claimed(boolean takenOver) implements Claim {

		}

		/**
		 * Another execution posted it meanwhile.
		 */
		record AlreadyPosted() implements Claim {

		}

		/**
		 * Gusto cancelled the payroll: the voucher is never sent.
		 */
		record Withdrawn() implements Claim {

		}

		/**
		 * An execution that still runs is sending it.
		 *
		 * @param executionId that execution
		 */
		record Busy(long executionId) implements Claim {

		}

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
