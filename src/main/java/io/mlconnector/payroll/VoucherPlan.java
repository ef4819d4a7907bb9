package io.mlconnector.payroll;

import java.util.List;

/**
 * What the accounting makes of a payroll: vouchers ready to post, or the problems that
 * stop anything from being posted.
 */
sealed interface VoucherPlan permits VoucherPlan.Ready, VoucherPlan.Rejected {

	/**
	 * The vouchers to post.
	 * @return this plan when it is ready
	 * @throws PostingRejectedException with every problem when it is rejected
	 */
	Ready orReject();

	/**
	 * Balanced vouchers, one per IFS company.
	 *
	 * @param vouchers the vouchers, ordered by company
	 * @param warnings what was booked by a fallback and deserves a look (an earning type
	 * no rule knows, gross pay the compensation lines do not explain), kept on the
	 * posting
	 */
	record Ready(List<VoucherDraft> vouchers, List<String> warnings) implements VoucherPlan {

		public Ready {
			vouchers = List.copyOf(vouchers);
			warnings = List.copyOf(warnings);
		}

		public Ready(List<VoucherDraft> vouchers) {
			this(vouchers, List.of());
		}

		@Override
		public Ready orReject() {
			return this;
		}

	}

	/**
	 * Nothing may be posted.
	 *
	 * @param problems each problem and what to do about it
	 */
	record Rejected(List<String> problems) implements VoucherPlan {

		@Override
		public Ready orReject() {
			throw new PostingRejectedException(this.problems);
		}

	}

}
