package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.mlconnector.tenant.MappingRules;
import io.mlconnector.tenant.PayrollComponent;

/**
 * The payment of a payroll: what Gusto debits from the company's bank account clears the
 * liabilities the accrual credited. Per IFS company, each accrual row on net pay payable
 * and on the tax payables is debited with the amount it was credited, child support
 * (Gusto's {@code child_support_debit}) is debited to deductions payable in proportion to
 * net pay, and the bank account ({@code accounts.CASH}) is credited with the sum. The
 * amounts must equal Gusto's debits to the cent (net pay and reimbursements, taxes, child
 * support, company debit); otherwise nothing is posted. Benefits and other deductions are
 * not paid through Gusto and stay payable.
 */
final class PaymentVoucherBuilder {

	private final MappingRules rules;

	PaymentVoucherBuilder(MappingRules rules) {
		this.rules = rules;
	}

	/**
	 * The payment vouchers.
	 * @param payrollUuid the payroll
	 * @param paymentDate the voucher date (the check date)
	 * @param accrual the posted accrual vouchers
	 * @param totals Gusto's totals of the payroll
	 * @return the vouchers, or why not
	 */
	VoucherPlan build(String payrollUuid, LocalDate paymentDate, List<VoucherDraft> accrual,
			ProcessedPayroll.Totals totals) {
		List<String> problems = new ArrayList<>();
		String cash = this.rules.accounts().get(PayrollComponent.CASH);
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
		String netPayAccount = this.rules.accounts().get(PayrollComponent.NET_PAY_LIABILITY);
		Set<String> taxAccounts = new java.util.HashSet<>();
		taxAccounts.add(this.rules.accounts().get(PayrollComponent.TAX_LIABILITY));
		if (this.rules.accounts().get(PayrollComponent.EMPLOYER_TAX_LIABILITY) != null) {
			taxAccounts.add(this.rules.accounts().get(PayrollComponent.EMPLOYER_TAX_LIABILITY));
		}
		BigDecimal netPay = Amounts.ZERO;
		BigDecimal taxes = Amounts.ZERO;
		Map<String, List<VoucherDraft.Row>> clearedByCompany = new LinkedHashMap<>();
		Map<String, BigDecimal> netPayByCompany = new LinkedHashMap<>();
		for (VoucherDraft voucher : accrual) {
			List<VoucherDraft.Row> cleared = new ArrayList<>();
			for (VoucherDraft.Row row : voucher.rows()) {
				boolean isNetPay = Objects.equals(row.account(), netPayAccount);
				boolean isTax = taxAccounts.contains(row.account());
				if ((isNetPay || isTax) && row.credit().signum() != 0) {
					cleared.add(new VoucherDraft.Row(row.account(), row.costCenter(), row.project(), row.employeeUuid(),
							row.credit(), Amounts.ZERO));
					if (isNetPay) {
						netPay = netPay.add(row.credit());
						netPayByCompany.merge(voucher.company(), row.credit(), BigDecimal::add);
					}
					else {
						taxes = taxes.add(row.credit());
					}
				}
			}
			clearedByCompany.put(voucher.company(), cleared);
		}
		BigDecimal gustoNetPay = Amounts.cents(totals.netPayDebit()).add(Amounts.cents(totals.reimbursementDebit()));
		compare("net pay and reimbursements", netPay, gustoNetPay, problems);
		compare("taxes", taxes, Amounts.cents(totals.taxDebit()), problems);
		BigDecimal childSupport = Amounts.cents(totals.childSupportDebit());
		compare("the company debit", netPay.add(taxes).add(childSupport), Amounts.cents(totals.companyDebit()),
				problems);
		String deductions = this.rules.accounts().get(PayrollComponent.DEDUCTIONS_LIABILITY);
		if (childSupport.signum() != 0 && deductions == null) {
			problems.add("mapping.accounts.DEDUCTIONS_LIABILITY is not set, and Gusto paid child support");
		}
		if (!problems.isEmpty()) {
			return new VoucherPlan.Rejected(problems);
		}
		List<String> companies = new ArrayList<>(netPayByCompany.keySet());
		List<BigDecimal> childSupportShares = (childSupport.signum() != 0 && !companies.isEmpty())
				? Amounts.split(childSupport, companies.stream().map(netPayByCompany::get).toList()) : List.of();
		List<VoucherDraft> vouchers = new ArrayList<>();
		for (VoucherDraft original : accrual) {
			List<VoucherDraft.Row> rows = new ArrayList<>(clearedByCompany.get(original.company()));
			int index = companies.indexOf(original.company());
			if (index >= 0 && !childSupportShares.isEmpty() && childSupportShares.get(index).signum() != 0) {
				rows.add(new VoucherDraft.Row(deductions, null, null, null, childSupportShares.get(index),
						Amounts.ZERO));
			}
			BigDecimal paid = Amounts.sum(rows.stream().map(VoucherDraft.Row::debit).toList());
			if (paid.signum() == 0) {
				continue;
			}
			rows.add(new VoucherDraft.Row(this.rules.accounts().get(PayrollComponent.CASH), null, null, null,
					Amounts.ZERO, paid));
			vouchers.add(new VoucherDraft(original.company(), original.voucherType(), paymentDate,
					PayrollReferences.reference(payrollUuid, PostingKind.PAYMENT, original.company()),
					"Payroll " + paymentDate + " payment", rows));
		}
		return new VoucherPlan.Ready(vouchers);
	}

	private static void compare(String what, BigDecimal accrued, BigDecimal debited, List<String> problems) {
		if (accrued.compareTo(debited) != 0) {
			problems.add("Gusto debited " + debited + " for " + what + " but the accrual owes " + accrued
					+ "; check the payroll in Gusto and the accrual voucher in IFS before the payment is posted");
		}
	}

}
