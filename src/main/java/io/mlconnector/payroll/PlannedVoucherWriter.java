package io.mlconnector.payroll;

import java.util.Map;

import io.mlconnector.audit.AuditOutcome;
import io.mlconnector.audit.AuditTrail;
import io.mlconnector.ifs.IfsException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The writer of {@code payrollPostingWriteStep}: posts each planned voucher to IFS
 * ({@link IfsVouchers#post}: once, unless IFS has it already) and records its keys in the
 * same chunk transaction. Before IFS is called the voucher is claimed for this execution
 * in a transaction of its own, so two executions of one posting (an operator restart and
 * the sweep on two nodes) never both create it.
 */
// not final: step-scoped beans are class-based proxies
class PlannedVoucherWriter implements ItemWriter<PayrollPostings.PlannedVoucher> {

	private final PostingKey key;

	private final long executionId;

	private final IfsVouchers ifsVouchers;

	private final PayrollPostings postings;

	private final AuditTrail audit;

	private final JsonMapper json;

	PlannedVoucherWriter(PostingKey key, long executionId, IfsVouchers ifsVouchers, PayrollPostings postings,
			AuditTrail audit, JsonMapper json) {
		this.key = key;
		this.executionId = executionId;
		this.ifsVouchers = ifsVouchers;
		this.postings = postings;
		this.audit = audit;
		this.json = json;
	}

	@Override
	public void write(Chunk<? extends PayrollPostings.PlannedVoucher> chunk) {
		for (PayrollPostings.PlannedVoucher planned : chunk) {
			PayrollPostings.Claim claim = this.postings.claim(planned.id(), this.key, this.executionId);
			if (claim instanceof PayrollPostings.Claim.Busy busy) {
				throw new VoucherBusyException("voucher " + planned.draft().reference()
						+ " is being sent to IFS by job execution " + busy.executionId()
						+ "; this execution stops so that IFS gets it once (restart it after that one ended)");
			}
			if (claim instanceof PayrollPostings.Claim.Withdrawn) {
				this.audit.record(this.key.tenant(), PayrollPlanTasklet.ACTOR, "payroll.voucher.withdrawn",
						PostingParameters.subject(this.key), AuditOutcome.SUCCESS,
						Map.of("company", planned.draft().company(), "reference", planned.draft().reference(), "reason",
								"Gusto cancelled the payroll"));
				continue;
			}
			if (claim instanceof PayrollPostings.Claim.AlreadyPosted) {
				continue;
			}
			post(planned);
		}
	}

	private void post(PayrollPostings.PlannedVoucher planned) {
		Map<String, Object> keys;
		try {
			keys = this.ifsVouchers.post(planned.draft());
		}
		catch (IfsException ex) {
			if (refusedOutright(ex)) {
				// a refused change set created nothing: the voucher is free to be planned
				// again once the cause is fixed
				this.postings.releaseClaim(planned.id(), this.executionId);
			}
			throw ex;
		}
		this.postings.voucherPosted(planned.id(), this.executionId, this.json.writeValueAsString(keys));
		this.audit.record(this.key.tenant(), PayrollPlanTasklet.ACTOR, "payroll.voucher.posted",
				PostingParameters.subject(this.key), AuditOutcome.SUCCESS,
				Map.of("company", planned.draft().company(), "reference", planned.draft().reference(), "ifs", keys,
						"debit", planned.draft().debitTotal(), "credit", planned.draft().creditTotal(), "rows",
						planned.draft().rows().size()));
	}

	/**
	 * Whether IFS refused a request outright (a 4xx other than a timeout or a rate
	 * limit): an atomic change set it refuses creates nothing.
	 */
	static boolean refusedOutright(IfsException ex) {
		return ex.status() >= 400 && ex.status() < 500 && ex.status() != 408 && ex.status() != 429;
	}

	/**
	 * Another execution of the same posting is sending a voucher to IFS.
	 */
	static final class VoucherBusyException extends IllegalStateException {

		VoucherBusyException(String message) {
			super(message);
		}

	}

}
