package io.mlconnector.payroll;

import java.util.List;

/**
 * What the accounting makes of a payroll: vouchers ready to post, or the problems that
 * stop anything from being posted.
 */
sealed interface VoucherPlan permits VoucherPlan.Ready, VoucherPlan.Rejected {

	/**
	 * Balanced vouchers, one per IFS company.
	 *
	 * @param vouchers the vouchers, ordered by company
	 */
	record Ready(List<VoucherDraft> vouchers) implements VoucherPlan {

	}

	/**
	 * Nothing may be posted.
	 *
	 * @param problems each problem and what to do about it
	 */
	record Rejected(List<String> problems) implements VoucherPlan {

	}

}
