package io.mlconnector.payroll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mlconnector.ifs.IfsEntity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a cancellation books ({@code payroll.cancelled}: Gusto shows the payroll
 * unprocessed again): under the payroll's lock the payroll is marked cancelled, accrual
 * and payment vouchers that never left for IFS are withdrawn (one whose outcome is
 * unknown is looked up in IFS first), and what reached IFS is swapped, accrual and
 * payment rows together, one voucher per company, dated into an open period.
 */
final class CancellationSwap {

	private final PayrollPostings postings;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	CancellationSwap(PayrollPostings postings, TransactionTemplate transactions, JsonMapper json) {
		this.postings = postings;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * Marks the payroll cancelled (unless a dry run) and computes the swap.
	 * @param key the REVERSAL posting
	 * @param ifsVouchers the tenant's IFS vouchers
	 * @param executionId the planning execution
	 * @return the reversing vouchers, one per company that has something in IFS
	 */
	List<VoucherDraft> swap(PostingKey key, IfsVouchers ifsVouchers, long executionId) {
		return this.transactions.execute((status) -> {
			if (!key.dryRun()) {
				this.postings.lockPayroll(key.tenant(), key.payrollUuid());
				this.postings.markCancelled(key.tenant(), key.payrollUuid());
			}
			Map<String, List<VoucherDraft.Row>> rows = new LinkedHashMap<>();
			Map<String, VoucherDraft> firsts = new LinkedHashMap<>();
			for (PostingKind kind : List.of(PostingKind.ACCRUAL, PostingKind.PAYMENT)) {
				for (PayrollPostings.VoucherRecord voucher : this.postings.vouchers(key.tenant(), key.payrollUuid(),
						kind)) {
					if (landed(voucher, ifsVouchers, key.dryRun())) {
						firsts.putIfAbsent(voucher.draft().company(), voucher.draft());
						rows.computeIfAbsent(voucher.draft().company(), (company) -> new ArrayList<>())
							.addAll(voucher.draft().reversed(null, voucher.draft().voucherDate()).rows());
					}
				}
				if (!key.dryRun()) {
					PostingKey withdrawn = new PostingKey(key.tenant(), key.payrollUuid(), kind, false);
					if (!this.postings.completeIfAllPosted(withdrawn) && !this.postings.planned(withdrawn)
							&& this.postings.status(withdrawn).filter("POSTED"::equals).isEmpty()) {
						this.postings.nothingToPost(withdrawn, null, "CANCELLED", "Gusto cancelled payroll "
								+ key.payrollUuid() + " before its " + kind + " was posted; nothing is posted",
								executionId);
					}
				}
			}
			List<VoucherDraft> vouchers = new ArrayList<>();
			rows.forEach((company, companyRows) -> {
				VoucherDraft first = firsts.get(company);
				LocalDate date = ifsVouchers.openDate(company, first.voucherDate())
					.orElseThrow(() -> new PostingRejectedException(List
						.of("the accounting period of " + first.voucherDate() + " is closed in IFS company " + company
								+ " and mapping.reversal-in-closed-period is REFUSE: reopen the period, or set it to "
								+ "FIRST_OPEN_DAY, then restart")));
				vouchers
					.add(new VoucherDraft(company, first.voucherType(), date,
							PayrollReferences.reference(key.payrollUuid(), PostingKind.REVERSAL, company),
							"Reversal of " + first.reference()
									+ (date.equals(first.voucherDate()) ? "" : " (its period is closed)"),
							companyRows));
			});
			return vouchers;
		});
	}

	/**
	 * Whether an accrual or payment voucher of a cancelled payroll is in IFS, withdrawing
	 * it when it never left. A voucher sent by an execution that ended without recording
	 * the outcome is looked up in IFS.
	 */
	private boolean landed(PayrollPostings.VoucherRecord voucher, IfsVouchers ifsVouchers, boolean dryRun) {
		return switch (voucher.status()) {
			case POSTED -> true;
			case WITHDRAWN -> false;
			case PLANNED -> {
				if (!dryRun) {
					this.postings.withdraw(voucher.id());
				}
				yield false;
			}
			case POSTING -> {
				if (voucher.claimRunning()) {
					throw new PostingRejectedException(List
						.of("the voucher " + voucher.draft().reference() + " is being sent to IFS by job execution "
								+ voucher.claimedBy() + "; the reversal is retried once that execution ended"));
				}
				Optional<IfsEntity> found = ifsVouchers.find(voucher.draft());
				if (!dryRun) {
					if (found.isPresent()) {
						this.postings.voucherFound(voucher.id(),
								this.json.writeValueAsString(IfsVouchers.keys(found.get())));
					}
					else {
						this.postings.withdraw(voucher.id());
					}
				}
				yield found.isPresent();
			}
		};
	}

}
