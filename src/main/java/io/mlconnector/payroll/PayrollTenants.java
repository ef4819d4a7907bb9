package io.mlconnector.payroll;

import io.mlconnector.tenant.Tenant;

/**
 * Which tenants post payroll: those with both a Gusto and an IFS connection. The routes,
 * the parameters validator and the sweep ask this one question.
 */
final class PayrollTenants {

	private PayrollTenants() {
	}

	/**
	 * Whether the tenant posts payroll.
	 * @param tenant the tenant
	 * @return whether it has both a Gusto and an IFS connection
	 */
	static boolean postsPayroll(Tenant tenant) {
		return tenant.gusto().isPresent() && tenant.ifs().isPresent();
	}

	/**
	 * Why a tenant does not post payroll.
	 * @param tenant the tenant
	 * @return the note
	 */
	static String doesNotPostPayroll(Tenant tenant) {
		return "tenant " + tenant.id() + " does not post payroll to IFS (it needs both a Gusto and an IFS connection)";
	}

	/**
	 * Whether the tenant posts payroll and posts Gusto's payments too
	 * ({@code gusto.post-payments}).
	 * @param tenant the tenant
	 * @return whether {@code payroll.paid} is posted for it
	 */
	static boolean postsPayments(Tenant tenant) {
		return postsPayroll(tenant) && tenant.gusto().orElseThrow().postPayments();
	}

	/**
	 * Why a tenant's payments are not posted.
	 * @param tenant the tenant
	 * @return the note
	 */
	static String doesNotPostPayments(Tenant tenant) {
		return postsPayroll(tenant) ? "gusto.post-payments is off for this tenant; payments are not posted"
				: doesNotPostPayroll(tenant);
	}

}
