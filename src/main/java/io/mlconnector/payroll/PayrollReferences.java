package io.mlconnector.payroll;

/**
 * The unique reference a payroll voucher carries in IFS: one per (payroll, kind,
 * company). The writer looks it up before it creates a voucher, so a posting repeated
 * after a crash finds the voucher instead of creating a second.
 */
final class PayrollReferences {

	private PayrollReferences() {
	}

	static String reference(String payrollUuid, PostingKind kind, String company) {
		return "GUSTO:" + payrollUuid + ":" + kind + ":" + company;
	}

}
