package io.mlconnector.sandbox.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How the demo ended.
 *
 * @param posted whether the payroll was posted and every voucher balances
 * @param payrollUuid the Gusto payroll, or {@code null} if the demo failed before one was
 * processed
 * @param vouchers the vouchers in IFS, one per company code
 * @param report the summary or failure report as logged
 * @param headcount people employed by system ({@code gusto}, {@code ifs}, {@code visma})
 * after the demo's people sweep, empty if it did not complete
 */
record DemoOutcome(boolean posted, String payrollUuid, List<Voucher> vouchers, String report,
		Map<String, Long> headcount) {

	/**
	 * One IFS voucher as the IFS sandbox holds it.
	 *
	 * @param company IFS company code
	 * @param number voucher type, accounting year and number
	 * @param reference the posting's unique reference
	 * @param rows voucher rows
	 * @param debit debit total
	 * @param credit credit total
	 * @param balanced whether debit equals credit
	 */
	record Voucher(String company, String number, String reference, int rows, BigDecimal debit, BigDecimal credit,
			boolean balanced) {

	}

}
