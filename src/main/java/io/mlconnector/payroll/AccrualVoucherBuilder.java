package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.mlconnector.allocation.Allocation;
import io.mlconnector.allocation.Allocator;
import io.mlconnector.allocation.EmployeeProfile;
import io.mlconnector.payroll.ProcessedPayroll.EarningLine;
import io.mlconnector.payroll.ProcessedPayroll.EmployeePay;
import io.mlconnector.payroll.ProcessedPayroll.TaxLine;
import io.mlconnector.tenant.EarningCategory;
import io.mlconnector.tenant.MappingRules;
import io.mlconnector.tenant.PayrollComponent;
import io.mlconnector.tenant.PayrollMapping;

/**
 * Turns a processed payroll into balanced accrual vouchers, one per IFS company.
 * <p>
 * Per employee, from Gusto's own definitions (gross = net + employee taxes + deductions +
 * cash tips; check amount = net + reimbursements):
 * <ul>
 * <li>debit wage expense by earning category (gross pay; the part of gross no
 * compensation line explains is regular pay), employer tax expense, employer benefit
 * expense and reimbursement expense;</li>
 * <li>credit employee tax withholdings, employer taxes, benefits (employee deductions and
 * employer contributions), other deductions and cash tips (already in the employee's
 * hands) to their liability accounts, and the check amount to net pay payable.</li>
 * </ul>
 * Wages follow the job each compensation line carries; everything else follows the
 * primary job. Net pay payable is the balancing figure of each allocation, so every
 * allocation, and so every company's voucher, balances to the cent, and the net pay parts
 * of an employee add up to the check amount. A rule that splits an allocation by weight
 * splits each line with the largest-remainder method.
 * <p>
 * Nothing is posted when any employee is unmapped, an account is missing, an employee's
 * amounts contradict Gusto's definitions, or the sums differ from the payroll's totals:
 * the plan is rejected with every problem and what to do about it.
 */
final class AccrualVoucherBuilder {

	private static final Map<String, EarningCategory> BUILT_IN_CATEGORIES = builtInCategories();

	private final MappingRules rules;

	private final Allocator allocator;

	AccrualVoucherBuilder(MappingRules rules, String ifsCompany) {
		this.rules = rules;
		this.allocator = new Allocator(rules.allocation(), ifsCompany);
	}

	/**
	 * The accrual vouchers of a payroll.
	 * @param payroll the processed payroll
	 * @param profiles the employees' departments, locations and jobs, by employee uuid
	 * @return the vouchers, or every problem that stops them
	 */
	VoucherPlan build(ProcessedPayroll payroll, Map<String, EmployeeProfile> profiles) {
		List<String> problems = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		List<Posting> postings = new ArrayList<>();
		Sums sums = new Sums();
		for (EmployeePay employee : payroll.employees()) {
			EmployeeProfile profile = profiles.get(employee.employeeUuid());
			if (profile == null) {
				problems.add(describe(employee) + ": not found among the company's employees in Gusto");
				continue;
			}
			postEmployee(employee, profile, postings, problems, warnings, sums);
		}
		postPayrollLevelTaxes(payroll.companyTaxes(), postings, problems, sums);
		reconcile(payroll, sums, problems);
		if (!problems.isEmpty()) {
			return new VoucherPlan.Rejected(problems.stream().distinct().toList());
		}
		List<VoucherDraft> vouchers = vouchers(payroll, postings);
		for (VoucherDraft voucher : vouchers) {
			if (!voucher.balanced()) {
				// cannot happen by construction; refuse rather than post an unbalanced
				// voucher
				problems.add("voucher for company " + voucher.company() + " does not balance: debits "
						+ voucher.debitTotal() + ", credits " + voucher.creditTotal());
			}
		}
		return problems.isEmpty() ? new VoucherPlan.Ready(vouchers, warnings.stream().distinct().toList())
				: new VoucherPlan.Rejected(problems);
	}

	private void postEmployee(EmployeePay employee, EmployeeProfile profile, List<Posting> postings,
			List<String> problems, List<String> warnings, Sums sums) {
		BigDecimal gross = Amounts.cents(employee.grossPay());
		BigDecimal net = Amounts.cents(employee.netPay());
		BigDecimal check = Amounts.cents(employee.checkAmount());
		List<EarningLine> wageLines = employee.earnings()
			.stream()
			.filter((line) -> isWage(category(line.name())))
			.toList();
		BigDecimal cashTips = sumOf(wageLines.stream()
			.filter((line) -> category(line.name()) == EarningCategory.CASH_TIPS)
			.map(EarningLine::amount)
			.toList());
		BigDecimal employeeTaxes = sumOf(
				employee.taxes().stream().filter((tax) -> !tax.employer()).map(TaxLine::amount).toList());
		BigDecimal employerTaxes = sumOf(
				employee.taxes().stream().filter(TaxLine::employer).map(TaxLine::amount).toList());
		BigDecimal benefitDeductions = sumOf(
				employee.benefits().stream().map(ProcessedPayroll.BenefitLine::employeeDeduction).toList());
		BigDecimal benefitContributions = sumOf(
				employee.benefits().stream().map(ProcessedPayroll.BenefitLine::companyContribution).toList());
		BigDecimal otherDeductions = sumOf(
				employee.deductions().stream().map(ProcessedPayroll.DeductionLine::amount).toList());
		BigDecimal reimbursements = sumOf(employee.reimbursements());
		sums.add(gross, net, employeeTaxes, employerTaxes, reimbursements);
		sums.benefits = sums.benefits.add(benefitContributions);
		sums.benefitDeductions = sums.benefitDeductions.add(benefitDeductions);
		sums.otherDeductions = sums.otherDeductions.add(otherDeductions);
		if (employee.paidByCheck()) {
			sums.checkAmount = sums.checkAmount.add(check);
		}
		for (EarningLine line : employee.earnings()) {
			if (!known(line.name())) {
				warnings.add("earning type '" + line.name() + "' is not known: booked as " + category(line.name())
						+ " wages (mapping.wage-accounts or accounts.GROSS_WAGES); map it "
						+ "in mapping.earning-categories if it belongs elsewhere");
			}
		}

		BigDecimal expectedNet = gross.subtract(employeeTaxes)
			.subtract(benefitDeductions)
			.subtract(otherDeductions)
			.subtract(cashTips);
		if (expectedNet.compareTo(net) != 0) {
			problems.add(describe(employee) + ": Gusto's net pay " + net + " is not gross pay " + gross
					+ " less employee taxes " + employeeTaxes + ", deductions " + benefitDeductions.add(otherDeductions)
					+ " and cash tips " + cashTips + " (= " + expectedNet
					+ "); check the payroll in Gusto before it is posted");
			return;
		}
		if (net.add(reimbursements).compareTo(check) != 0) {
			problems.add(describe(employee) + ": Gusto's check amount " + check + " is not net pay " + net
					+ " plus reimbursements " + reimbursements + "; check the payroll in Gusto before it is posted");
			return;
		}

		// wages by job; amounts without a job, or of a job the employee no longer has,
		// follow the primary job
		EmployeeProfile.Job primary = profile.primaryJob().orElse(null);
		Map<EmployeeProfile.Job, List<EarningLine>> byJob = new LinkedHashMap<>();
		byJob.put(primary, new ArrayList<>());
		for (EarningLine line : wageLines) {
			EmployeeProfile.Job job = (line.jobUuid() != null) ? profile.job(line.jobUuid()).orElse(primary) : primary;
			byJob.computeIfAbsent(job, (key) -> new ArrayList<>()).add(line);
		}
		BigDecimal unexplained = gross.subtract(sumOf(wageLines.stream().map(EarningLine::amount).toList()));
		if (unexplained.signum() != 0 && unexplained.signum() != gross.signum()) {
			warnings.add(describe(employee) + ": the compensation lines exceed gross pay " + gross + " by "
					+ unexplained.negate() + ", booked against regular wages; check the payroll's compensations");
		}

		String who = this.rules.payroll().rowsPerEmployee() ? employee.employeeUuid() : null;
		for (Map.Entry<EmployeeProfile.Job, List<EarningLine>> entry : byJob.entrySet()) {
			List<Allocation.Share> shares = this.allocator.allocate(profile, entry.getKey())
				.sharesOr((reason) -> problems.add(describe(employee) + " is not mapped: " + reason));
			if (shares.isEmpty()) {
				return;
			}
			List<Amount> amounts = new ArrayList<>();
			for (EarningLine line : entry.getValue()) {
				amounts.add(new Amount(wageAccount(category(line.name()), problems), Amounts.cents(line.amount())));
			}
			if (entry.getKey() == primary) {
				amounts.add(new Amount(wageAccount(EarningCategory.REGULAR, problems), unexplained));
				for (TaxLine tax : employee.taxes()) {
					BigDecimal amount = Amounts.cents(tax.amount());
					if (tax.employer()) {
						amounts.add(new Amount(accountFor(this.rules.payroll().employerTaxAccounts(), tax.name(),
								PayrollComponent.EMPLOYER_TAXES, problems), amount));
						amounts.add(new Amount(employerTaxLiability(problems), amount.negate()));
					}
					else {
						amounts.add(new Amount(account(PayrollComponent.TAX_LIABILITY, problems), amount.negate()));
					}
				}
				for (ProcessedPayroll.BenefitLine benefit : employee.benefits()) {
					BigDecimal contribution = Amounts.cents(benefit.companyContribution());
					if (contribution.signum() != 0) {
						amounts.add(new Amount(accountFor(this.rules.payroll().benefitAccounts(), benefit.name(),
								PayrollComponent.EMPLOYER_BENEFITS, problems), contribution));
					}
					amounts.add(new Amount(benefitsLiability(problems),
							contribution.add(Amounts.cents(benefit.employeeDeduction())).negate()));
				}
				amounts.add(new Amount(deductionsLiability(problems), otherDeductions.negate()));
				if (reimbursements.signum() != 0) {
					amounts.add(new Amount(account(PayrollComponent.REIMBURSEMENTS, problems), reimbursements));
				}
				if (cashTips.signum() != 0) {
					amounts.add(new Amount(account(PayrollComponent.CASH_TIPS_CLEARING, problems), cashTips.negate()));
				}
			}
			postShares(shares, amounts, who, postings, problems);
		}
	}

	/**
	 * Splits each amount over the shares and credits each share's balance to net pay
	 * payable.
	 */
	private void postShares(List<Allocation.Share> shares, List<Amount> amounts, String who, List<Posting> postings,
			List<String> problems) {
		List<BigDecimal> weights = shares.stream().map(Allocation.Share::weight).toList();
		BigDecimal[] balances = new BigDecimal[shares.size()];
		Arrays.fill(balances, Amounts.ZERO);
		for (Amount amount : amounts) {
			if (amount.value().signum() == 0 || amount.account() == null) {
				continue;
			}
			List<BigDecimal> parts = Amounts.split(amount.value(), weights);
			for (int i = 0; i < shares.size(); i++) {
				postings.add(new Posting(shares.get(i).target(), amount.account(), who, parts.get(i)));
				balances[i] = balances[i].add(parts.get(i));
			}
		}
		String netPay = account(PayrollComponent.NET_PAY_LIABILITY, problems);
		for (int i = 0; i < shares.size(); i++) {
			if (balances[i].signum() != 0 && netPay != null) {
				postings.add(new Posting(shares.get(i).target(), netPay, who, balances[i].negate()));
			}
		}
	}

	private void postPayrollLevelTaxes(List<TaxLine> companyTaxes, List<Posting> postings, List<String> problems,
			Sums sums) {
		Allocation target = this.allocator.payrollLevel();
		for (TaxLine tax : companyTaxes) {
			BigDecimal amount = Amounts.cents(tax.amount());
			if (amount.signum() == 0) {
				continue;
			}
			if (!tax.employer()) {
				problems.add("the payroll has an employee tax outside the employee compensations ('" + tax.name()
						+ "', " + amount + ") that cannot be attributed to an employee; post it by hand and "
						+ "report it to support");
				continue;
			}
			sums.add(Amounts.ZERO, Amounts.ZERO, Amounts.ZERO, amount, Amounts.ZERO);
			postings.add(new Posting(target, accountFor(this.rules.payroll().employerTaxAccounts(), tax.name(),
					PayrollComponent.EMPLOYER_TAXES, problems), null, amount));
			postings.add(new Posting(target, employerTaxLiability(problems), null, amount.negate()));
		}
	}

	private void reconcile(ProcessedPayroll payroll, Sums sums, List<String> problems) {
		ProcessedPayroll.Totals totals = payroll.totals();
		if (totals == null) {
			return;
		}
		compare("gross pay", sums.gross, totals.grossPay(), problems);
		compare("net pay", sums.net, totals.netPay(), problems);
		compare("employee taxes", sums.employeeTaxes, totals.employeeTaxes(), problems);
		compare("employer taxes", sums.employerTaxes, totals.employerTaxes(), problems);
		compare("reimbursements", sums.reimbursements, totals.reimbursements(), problems);
		compare("company benefit contributions", sums.benefits, totals.benefits(), problems);
		compare("employee benefit deductions", sums.benefitDeductions, totals.employeeBenefitsDeductions(), problems);
		compare("other deductions", sums.otherDeductions, totals.otherDeductions(), problems);
		compare("paper check amounts", sums.checkAmount, totals.checkAmount(), problems);
	}

	private static void compare(String what, BigDecimal computed, BigDecimal total, List<String> problems) {
		if (total != null && computed.compareTo(Amounts.cents(total)) != 0) {
			problems.add("the employees' " + what + " add up to " + computed + " but the payroll's total is "
					+ Amounts.cents(total) + " (a difference of " + Amounts.cents(total).subtract(computed)
					+ "); the payroll was read incompletely (a scope such as employee_benefits:read missing?) "
					+ "or changed in Gusto");
		}
	}

	private List<VoucherDraft> vouchers(ProcessedPayroll payroll, List<Posting> postings) {
		LocalDate date = (this.rules.payroll().voucherDate() == PayrollMapping.VoucherDate.PERIOD_END)
				? payroll.periodEnd() : payroll.checkDate();
		Map<String, List<Posting>> byCompany = postings.stream()
			.collect(Collectors.groupingBy((posting) -> posting.target().company(), TreeMap::new, Collectors.toList()));
		List<VoucherDraft> vouchers = new ArrayList<>();
		byCompany.forEach((company, companyPostings) -> {
			Map<RowKey, BigDecimal> rows = new TreeMap<>();
			for (Posting posting : companyPostings) {
				rows.merge(new RowKey(posting.account(), posting.target().costCenter(), posting.target().project(),
						posting.employeeUuid()), posting.amount(), BigDecimal::add);
			}
			List<VoucherDraft.Row> voucherRows = rows.entrySet()
				.stream()
				.filter((row) -> row.getValue().signum() != 0)
				.map((row) -> new VoucherDraft.Row(row.getKey().account(), row.getKey().costCenter(),
						row.getKey().project(), row.getKey().employeeUuid(),
						(row.getValue().signum() > 0) ? row.getValue() : Amounts.ZERO,
						(row.getValue().signum() < 0) ? row.getValue().negate() : Amounts.ZERO))
				.toList();
			if (!voucherRows.isEmpty()) {
				vouchers.add(new VoucherDraft(company, this.rules.payroll().voucherType(), date,
						PayrollReferences.reference(payroll.payrollUuid(), PostingKind.ACCRUAL, company),
						"Payroll " + payroll.checkDate()
								+ (payroll.isReversal() ? " reversal" : (payroll.offCycle() ? " off-cycle" : ""))
								+ " accrual",
						voucherRows));
			}
		});
		return vouchers;
	}

	private EarningCategory category(String name) {
		String key = (name != null) ? name.trim().toLowerCase(Locale.ROOT) : "";
		for (Map.Entry<String, EarningCategory> configured : this.rules.payroll().earningCategories().entrySet()) {
			if (configured.getKey().trim().toLowerCase(Locale.ROOT).equals(key)) {
				return configured.getValue();
			}
		}
		return BUILT_IN_CATEGORIES.getOrDefault(key, EarningCategory.OTHER);
	}

	private boolean known(String name) {
		String key = (name != null) ? name.trim().toLowerCase(Locale.ROOT) : "";
		return BUILT_IN_CATEGORIES.containsKey(key) || this.rules.payroll()
			.earningCategories()
			.keySet()
			.stream()
			.anyMatch((configured) -> configured.trim().toLowerCase(Locale.ROOT).equals(key));
	}

	private static boolean isWage(EarningCategory category) {
		return category != EarningCategory.IMPUTED && category != EarningCategory.REIMBURSEMENT;
	}

	private String wageAccount(EarningCategory category, List<String> problems) {
		String account = this.rules.payroll().wageAccounts().get(category);
		return (account != null) ? account : account(PayrollComponent.GROSS_WAGES, problems);
	}

	private String employerTaxLiability(List<String> problems) {
		String account = this.rules.payroll().accounts().get(PayrollComponent.EMPLOYER_TAX_LIABILITY);
		return (account != null) ? account : account(PayrollComponent.TAX_LIABILITY, problems);
	}

	private String benefitsLiability(List<String> problems) {
		String account = this.rules.payroll().accounts().get(PayrollComponent.BENEFITS_LIABILITY);
		return (account != null) ? account : account(PayrollComponent.DEDUCTIONS_LIABILITY, problems);
	}

	private String deductionsLiability(List<String> problems) {
		return account(PayrollComponent.DEDUCTIONS_LIABILITY, problems);
	}

	private String accountFor(Map<String, String> byName, String name, PayrollComponent fallback,
			List<String> problems) {
		String account = byName.get(name);
		return (account != null) ? account : account(fallback, problems);
	}

	private String account(PayrollComponent component, List<String> problems) {
		String account = this.rules.payroll().accounts().get(component);
		if (account == null) {
			problems.add("mapping.accounts." + component + " is not set, and this payroll needs it: add the IFS "
					+ "GL account to the tenant's mapping");
		}
		return account;
	}

	private static BigDecimal sumOf(List<BigDecimal> amounts) {
		return Amounts.sum(amounts.stream().map(Amounts::cents).toList());
	}

	private static String describe(EmployeePay employee) {
		return "employee " + ((employee.name() != null) ? employee.name() + " " : "") + "(" + employee.employeeUuid()
				+ ")";
	}

	private static Map<String, EarningCategory> builtInCategories() {
		Map<String, EarningCategory> categories = new LinkedHashMap<>();
		for (String name : List.of("regular hours", "regular", "salary", "regular wages")) {
			categories.put(name, EarningCategory.REGULAR);
		}
		for (String name : List.of("overtime", "double overtime", "overtime hours", "double overtime hours")) {
			categories.put(name, EarningCategory.OVERTIME);
		}
		categories.put("bonus", EarningCategory.BONUS);
		categories.put("commission", EarningCategory.COMMISSION);
		categories.put("cash tips", EarningCategory.CASH_TIPS);
		categories.put("paycheck tips", EarningCategory.PAYCHECK_TIPS);
		for (String name : List.of("paid time off", "pto", "holiday hours", "sick hours", "vacation hours")) {
			categories.put(name, EarningCategory.PAID_TIME_OFF);
		}
		categories.put("reimbursement", EarningCategory.REIMBURSEMENT);
		for (String name : List.of("group term life", "imputed income")) {
			categories.put(name, EarningCategory.IMPUTED);
		}
		return Map.copyOf(categories);
	}

	private record Amount(String account, BigDecimal value) {

	}

	private record Posting(Allocation target, String account, String employeeUuid, BigDecimal amount) {

	}

	private record RowKey(String account, String costCenter, String project,
			String employeeUuid) implements Comparable<RowKey> {

		private static final Comparator<RowKey> ORDER = Comparator
			.comparing(RowKey::account, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
			.thenComparing(RowKey::costCenter, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
			.thenComparing(RowKey::project, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
			.thenComparing(RowKey::employeeUuid, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

		@Override
		public int compareTo(RowKey other) {
			return ORDER.compare(this, other);
		}

	}

	private static final class Sums {

		private BigDecimal gross = Amounts.ZERO;

		private BigDecimal net = Amounts.ZERO;

		private BigDecimal employeeTaxes = Amounts.ZERO;

		private BigDecimal employerTaxes = Amounts.ZERO;

		private BigDecimal reimbursements = Amounts.ZERO;

		private BigDecimal benefits = Amounts.ZERO;

		private BigDecimal benefitDeductions = Amounts.ZERO;

		private BigDecimal otherDeductions = Amounts.ZERO;

		private BigDecimal checkAmount = Amounts.ZERO;

		void add(BigDecimal gross, BigDecimal net, BigDecimal employeeTaxes, BigDecimal employerTaxes,
				BigDecimal reimbursements) {
			this.gross = this.gross.add(gross);
			this.net = this.net.add(net);
			this.employeeTaxes = this.employeeTaxes.add(employeeTaxes);
			this.employerTaxes = this.employerTaxes.add(employerTaxes);
			this.reimbursements = this.reimbursements.add(reimbursements);
		}

	}

}
