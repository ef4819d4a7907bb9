package io.mlconnector.payroll;

/**
 * What identifies a payroll posting, and its job instance.
 *
 * @param tenant the tenant
 * @param payrollUuid the Gusto payroll
 * @param kind what is posted
 * @param dryRun whether vouchers are only computed
 */
record PostingKey(String tenant, String payrollUuid, PostingKind kind, boolean dryRun) {

	/**
	 * The reference stamped on the posting record; each voucher adds its company.
	 */
	String reference() {
		return "GUSTO:" + this.payrollUuid + ":" + this.kind + (this.dryRun ? ":DRY-RUN" : "");
	}

}
