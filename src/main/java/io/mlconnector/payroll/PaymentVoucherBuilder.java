package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.mlconnector.allocation.Allocation;
import io.mlconnector.allocation.Allocator;
import io.mlconnector.allocation.EmployeeProfile;
import io.mlconnector.tenant.MappingRules;
import io.mlconnector.tenant.PayrollComponent;

/**
 * The payment of a payroll: what Gusto debits from the company's bank account clears the
 * liabilities the accrual credited. Per IFS company, each accrual row on net pay payable
 * and on the tax payables is cleared by the amount it was credited (signed, so a reversal
 * payroll's negated accrual is cleared too), less the net pay of employees Gusto pays by
 * paper check (Gusto's example: {@code net_pay - check_amount = net_pay_debit}; that pay
 * stays payable until the check is cashed), and Gusto's {@code child_support_debit} is
 * debited to deductions payable of the companies where child support was withheld. The
 * bank account ({@code accounts.CASH}) takes the sum. The amounts must equal Gusto's
 * debits to the cent (net pay and reimbursements, taxes, child support, company debit);
 * otherwise nothing is posted. Benefits and other deductions are not paid through Gusto
 * and stay payable.
 */
final class PaymentVoucherBuilder {

	private final MappingRules rules;

	PaymentVoucherBuilder(MappingRules rules) {
		this.rules = rules;
	}

	/**
	 * The payment vouchers of a payroll without paper checks, with child support split by
	 * net pay.
	 */
	VoucherPlan build(String payrollUuid, LocalDate paymentDate, List<VoucherDraft> accrual,
			ProcessedPayroll.Totals totals) {
		return build(payrollUuid, paymentDate, accrual, totals, List.of(), null);
	}

	/**
	 * The payment vouchers.
	 * @param payrollUuid the payroll
	 * @param paymentDate the voucher date (the check date)
	 * @param accrual the posted accrual vouchers
	 * @param totals Gusto's totals of the payroll
	 * @param paidByCheck the accrual of the employees paid by paper check alone (their
	 * net pay rows stay payable)
	 * @param childSupportWithheld child support withheld per IFS company, or {@code null}
	 * to split Gusto's child support debit by net pay
	 * @return the vouchers, or why not
	 */
	VoucherPlan build(String payrollUuid, LocalDate paymentDate, List<VoucherDraft> accrual,
			ProcessedPayroll.Totals totals, List<VoucherDraft> paidByCheck,
			Map<String, BigDecimal> childSupportWithheld) {
		List<String> problems = new ArrayList<>();
		String cash = this.rules.payroll().accounts().get(PayrollComponent.CASH);
		if (cash == null) {
			problems.add("mapping.accounts.CASH is not set: payments are credited to the bank account; add it or "
					+ "set gusto.post-payments: false");
		}
		if (totals == null || totals.companyDebit() == null) {
			problems.add("Gusto did not give the payroll's debit totals; the payment cannot be checked");
		}
		if (accrual.isEmpty()) {
			problems.add("the accrual of payroll " + payrollUuid + " is not posted; the payment posts after it");
		}
		if (!problems.isEmpty()) {
			return new VoucherPlan.Rejected(problems);
		}
		String netPayAccount = this.rules.payroll().accounts().get(PayrollComponent.NET_PAY_LIABILITY);
		Set<String> taxAccounts = new HashSet<>();
		taxAccounts.add(this.rules.payroll().accounts().get(PayrollComponent.TAX_LIABILITY));
		if (this.rules.payroll().accounts().get(PayrollComponent.EMPLOYER_TAX_LIABILITY) != null) {
			taxAccounts.add(this.rules.payroll().accounts().get(PayrollComponent.EMPLOYER_TAX_LIABILITY));
		}
		// what the paper checks leave payable, per company and row
		Map<String, Map<RowKey, BigDecimal>> checkPay = new HashMap<>();
		for (VoucherDraft voucher : paidByCheck) {
			for (VoucherDraft.Row row : voucher.rows()) {
				if (Objects.equals(row.account(), netPayAccount)) {
					checkPay.computeIfAbsent(voucher.company(), (company) -> new HashMap<>())
						.merge(RowKey.of(row), row.credit().subtract(row.debit()), BigDecimal::add);
				}
			}
		}
		BigDecimal netPay = Amounts.ZERO;
		BigDecimal taxes = Amounts.ZERO;
		Map<String, List<VoucherDraft.Row>> clearedByCompany = new LinkedHashMap<>();
		Map<String, BigDecimal> netPayByCompany = new LinkedHashMap<>();
		for (VoucherDraft voucher : accrual) {
			Map<RowKey, BigDecimal> unpaid = checkPay.getOrDefault(voucher.company(), Map.of());
			Map<RowKey, BigDecimal> owed = new LinkedHashMap<>();
			for (VoucherDraft.Row row : voucher.rows()) {
				boolean isNetPay = Objects.equals(row.account(), netPayAccount);
				if (isNetPay || taxAccounts.contains(row.account())) {
					owed.merge(RowKey.of(row), row.credit().subtract(row.debit()), BigDecimal::add);
				}
			}
			List<VoucherDraft.Row> cleared = new ArrayList<>();
			for (Map.Entry<RowKey, BigDecimal> entry : owed.entrySet()) {
				RowKey key = entry.getKey();
				boolean isNetPay = Objects.equals(key.account(), netPayAccount);
				BigDecimal amount = entry.getValue()
					.subtract(isNetPay ? unpaid.getOrDefault(key, Amounts.ZERO) : Amounts.ZERO);
				if (amount.signum() == 0) {
					continue;
				}
				cleared.add(key.row((amount.signum() > 0) ? amount : Amounts.ZERO,
						(amount.signum() < 0) ? amount.negate() : Amounts.ZERO));
				if (isNetPay) {
					netPay = netPay.add(amount);
					netPayByCompany.merge(voucher.company(), amount, BigDecimal::add);
				}
				else {
					taxes = taxes.add(amount);
				}
			}
			clearedByCompany.put(voucher.company(), cleared);
		}
		BigDecimal gustoNetPay = Amounts.cents(totals.netPayDebit()).add(Amounts.cents(totals.reimbursementDebit()));
		compare("net pay and reimbursements (paper checks excluded)", netPay, gustoNetPay, problems);
		compare("taxes", taxes, Amounts.cents(totals.taxDebit()), problems);
		BigDecimal childSupport = Amounts.cents(totals.childSupportDebit());
		compare("the company debit", netPay.add(taxes).add(childSupport), Amounts.cents(totals.companyDebit()),
				problems);
		String deductions = this.rules.payroll().accounts().get(PayrollComponent.DEDUCTIONS_LIABILITY);
		if (childSupport.signum() != 0 && deductions == null) {
			problems.add("mapping.accounts.DEDUCTIONS_LIABILITY is not set, and Gusto paid child support");
		}
		Map<String, BigDecimal> childSupportByCompany = new LinkedHashMap<>();
		if (childSupport.signum() != 0) {
			Map<String, BigDecimal> weights = new LinkedHashMap<>();
			(childSupportWithheld != null ? childSupportWithheld : netPayByCompany).forEach((company, amount) -> {
				if (amount.signum() != 0) {
					weights.put(company, amount.abs());
				}
			});
			if (weights.isEmpty()) {
				problems.add("Gusto debited " + childSupport + " for child support but no employee of the payroll had "
						+ "child support withheld; check the payroll in Gusto");
			}
			else {
				List<String> companies = new ArrayList<>(weights.keySet());
				List<BigDecimal> parts = Amounts.split(childSupport, companies.stream().map(weights::get).toList());
				for (int i = 0; i < companies.size(); i++) {
					childSupportByCompany.put(companies.get(i), parts.get(i));
				}
			}
		}
		if (!problems.isEmpty()) {
			return new VoucherPlan.Rejected(problems);
		}
		List<VoucherDraft> vouchers = new ArrayList<>();
		Set<String> companies = new java.util.TreeSet<>(clearedByCompany.keySet());
		companies.addAll(childSupportByCompany.keySet());
		String voucherType = accrual.get(0).voucherType();
		for (String company : companies) {
			List<VoucherDraft.Row> rows = new ArrayList<>(clearedByCompany.getOrDefault(company, List.of()));
			BigDecimal childSupportShare = childSupportByCompany.getOrDefault(company, Amounts.ZERO);
			if (childSupportShare.signum() != 0) {
				rows.add(new VoucherDraft.Row(deductions, null, null, null,
						(childSupportShare.signum() > 0) ? childSupportShare : Amounts.ZERO,
						(childSupportShare.signum() < 0) ? childSupportShare.negate() : Amounts.ZERO));
			}
			BigDecimal paid = Amounts.sum(rows.stream().map(VoucherDraft.Row::debit).toList())
				.subtract(Amounts.sum(rows.stream().map(VoucherDraft.Row::credit).toList()));
			if (paid.signum() == 0) {
				continue;
			}
			rows.add(new VoucherDraft.Row(cash, null, null, null, (paid.signum() < 0) ? paid.negate() : Amounts.ZERO,
					(paid.signum() > 0) ? paid : Amounts.ZERO));
			String type = accrual.stream()
				.filter((voucher) -> voucher.company().equals(company))
				.map(VoucherDraft::voucherType)
				.findFirst()
				.orElse(voucherType);
			vouchers.add(new VoucherDraft(company, type, paymentDate,
					PayrollReferences.reference(payrollUuid, PostingKind.PAYMENT, company),
					"Payroll " + paymentDate + " payment", rows));
		}
		return new VoucherPlan.Ready(vouchers);
	}

	/**
	 * The child support withheld in a payroll per IFS company, allocated like the
	 * employee's other amounts (primary job). A deduction is child support when its name
	 * says so ([ASSUMPTION]: Gusto names the garnishment {@code Child Support}, as in its
	 * payroll example).
	 * @param payroll the payroll
	 * @param profiles the employees
	 * @param allocator the tenant's allocation
	 * @return the amounts per company; employees that cannot be allocated are left out
	 * (the accrual refused them already)
	 */
	static Map<String, BigDecimal> childSupportWithheld(ProcessedPayroll payroll, Map<String, EmployeeProfile> profiles,
			Allocator allocator) {
		Map<String, BigDecimal> byCompany = new TreeMap<>();
		for (ProcessedPayroll.EmployeePay employee : payroll.employees()) {
			BigDecimal withheld = Amounts.sum(employee.deductions()
				.stream()
				.filter((deduction) -> deduction.name() != null
						&& deduction.name().toLowerCase(java.util.Locale.ROOT).contains("child support"))
				.map((deduction) -> Amounts.cents(deduction.amount()))
				.toList());
			EmployeeProfile profile = profiles.get(employee.employeeUuid());
			if (withheld.signum() == 0 || profile == null) {
				continue;
			}
			// an employee who cannot be mapped refused the accrual this payment clears,
			// so none is left here; the unmapped reason was reported there
			List<Allocation.Share> shares = allocator.allocate(profile, profile.primaryJob().orElse(null))
				.sharesOr((reason) -> {
				});
			if (shares.isEmpty()) {
				continue;
			}
			List<BigDecimal> parts = Amounts.split(withheld, shares.stream().map(Allocation.Share::weight).toList());
			for (int i = 0; i < shares.size(); i++) {
				byCompany.merge(shares.get(i).target().company(), parts.get(i), BigDecimal::add);
			}
		}
		return byCompany;
	}

	private static void compare(String what, BigDecimal accrued, BigDecimal debited, List<String> problems) {
		if (accrued.compareTo(debited) != 0) {
			problems.add("Gusto debited " + debited + " for " + what + " but the accrual owes " + accrued
					+ "; check the payroll in Gusto and the accrual voucher in IFS before the payment is posted");
		}
	}

	private record RowKey(String account, String costCenter, String project, String employeeUuid) {

		static RowKey of(VoucherDraft.Row row) {
			return new RowKey(row.account(), row.costCenter(), row.project(), row.employeeUuid());
		}

		VoucherDraft.Row row(BigDecimal debit, BigDecimal credit) {
			return new VoucherDraft.Row(this.account, this.costCenter, this.project, this.employeeUuid, debit, credit);
		}

	}

}
