package io.mlconnector.gusto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A payroll, from the list [SPEC {@code Payroll}] or in detail [SPEC
 * {@code Payroll-Show}]. Dates that do not parse (the spec examples carry {@code "nil"})
 * are {@code null}.
 *
 * @param uuid the payroll
 * @param payrollUuid the same value under its older name
 * @param companyUuid the company
 * @param payrollDeadline the deadline to run payroll
 * @param checkDate payday
 * @param processed whether the payroll is processed; post it only then
 * @param processedDate when it was processed
 * @param calculatedAt when it was calculated
 * @param offCycle whether it is an off-cycle payroll
 * @param offCycleReason why ({@code Bonus}, {@code Correction}, {@code Reversal}, ...)
 * @param external whether it is an external payroll
 * @param payPeriod the pay period
 * @param totals totals ({@code include=totals})
 * @param companyTaxes company-level taxes ({@code include=taxes})
 * @param payrollTaxes tax totals ({@code include=payroll_taxes})
 * @param employeeCompensations per employee; in detail only, paged by 100
 * @param reversalPayrollUuids payrolls reversing this one
 * @param createdAt when the payroll was created
 */
public record GustoPayroll(String uuid, String payrollUuid, String companyUuid, OffsetDateTime payrollDeadline,
		LocalDate checkDate, Boolean processed, LocalDate processedDate, OffsetDateTime calculatedAt, Boolean offCycle,
		String offCycleReason, Boolean external, GustoPayPeriod payPeriod, GustoPayrollTotals totals,
		List<GustoTax> companyTaxes, List<GustoTax> payrollTaxes, List<GustoEmployeeCompensation> employeeCompensations,
		List<String> reversalPayrollUuids, OffsetDateTime createdAt) {

	public GustoPayroll {
		companyTaxes = (companyTaxes != null) ? companyTaxes : List.of();
		payrollTaxes = (payrollTaxes != null) ? payrollTaxes : List.of();
		employeeCompensations = (employeeCompensations != null) ? employeeCompensations : List.of();
		reversalPayrollUuids = (reversalPayrollUuids != null) ? reversalPayrollUuids : List.of();
	}

	/**
	 * The payroll's id, whichever of {@code uuid} and {@code payroll_uuid} was sent.
	 * @return the id
	 */
	public String id() {
		return (this.uuid != null) ? this.uuid : this.payrollUuid;
	}

	/**
	 * Whether the payroll is processed.
	 * @return {@code processed == true}
	 */
	public boolean isProcessed() {
		return Boolean.TRUE.equals(this.processed);
	}

	/**
	 * This payroll with more employee compensations (the next pages).
	 * @param more compensations of further pages
	 * @return a copy with all compensations
	 */
	GustoPayroll withMoreCompensations(List<GustoEmployeeCompensation> more) {
		List<GustoEmployeeCompensation> all = new ArrayList<>(this.employeeCompensations);
		all.addAll(more);
		return new GustoPayroll(this.uuid, this.payrollUuid, this.companyUuid, this.payrollDeadline, this.checkDate,
				this.processed, this.processedDate, this.calculatedAt, this.offCycle, this.offCycleReason,
				this.external, this.payPeriod, this.totals, this.companyTaxes, this.payrollTaxes, List.copyOf(all),
				this.reversalPayrollUuids, this.createdAt);
	}

}
