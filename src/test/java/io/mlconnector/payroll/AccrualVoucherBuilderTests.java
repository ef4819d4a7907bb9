package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.mlconnector.allocation.EmployeeProfile;
import io.mlconnector.payroll.VoucherDraft.Row;
import org.junit.jupiter.api.Test;

import static io.mlconnector.payroll.PayrollFixtures.employee;
import static io.mlconnector.payroll.PayrollFixtures.job;
import static io.mlconnector.payroll.PayrollFixtures.money;
import static io.mlconnector.payroll.PayrollFixtures.payroll;
import static io.mlconnector.payroll.PayrollFixtures.profile;
import static io.mlconnector.payroll.PayrollFixtures.rules;
import static io.mlconnector.payroll.PayrollFixtures.standardMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AccrualVoucherBuilderTests {

	private static final String ANN = "a0000000-0000-0000-0000-000000000001";

	private static final String BOB = "b0000000-0000-0000-0000-000000000002";

	private static final String CAT = "c0000000-0000-0000-0000-000000000003";

	@Test
	void theWorkedExampleOfTheReadmeBalancesToTheCent() {
		// given a salaried engineer with a bonus, taxes, a benefit, child support and a
		// reimbursement, and bonuses mapped to an account of their own
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.wage-accounts.BONUS", "7020");
		var ann = employee(ANN, "Ann Example").earning("Regular Hours", "3000.00", "job-ann")
			.earning("Bonus", "500.00", "job-ann")
			.employeeTax("Federal Income Tax", "420.00")
			.employeeTax("Social Security", "217.00")
			.employeeTax("Medicare", "50.75")
			.employerTax("Social Security", "217.00")
			.employerTax("Medicare", "50.75")
			.employerTax("FUTA", "21.00")
			.benefit("Medical", "150.00", "450.00")
			.deduction("Child Support", "100.00")
			.reimbursement("42.50")
			.build();
		assertThat(ann.netPay()).isEqualByComparingTo("2562.25");
		assertThat(ann.checkAmount()).isEqualByComparingTo("2604.75");

		// when
		VoucherDraft voucher = single(build(mapping, payroll(List.of(ann)),
				Map.of(ANN, profile(ANN, "Engineering", "loc-1", job("job-ann", "Engineer", true)))));

		// then
		assertThat(voucher.company()).isEqualTo("10");
		assertThat(voucher.voucherDate()).isEqualTo(PayrollFixtures.CHECK_DATE);
		assertThat(voucher.reference()).isEqualTo("GUSTO:" + PayrollFixtures.PAYROLL + ":ACCRUAL:10");
		assertThat(voucher.rows()).extracting(Row::account, Row::costCenter, Row::debit, Row::credit)
			.containsExactly(tuple("2710", "CC-100", money("0.00"), money("976.50")),
					tuple("2810", "CC-100", money("0.00"), money("700.00")),
					tuple("2910", "CC-100", money("0.00"), money("2604.75")),
					tuple("7010", "CC-100", money("3000.00"), money("0.00")),
					tuple("7020", "CC-100", money("500.00"), money("0.00")),
					tuple("7510", "CC-100", money("288.75"), money("0.00")),
					tuple("7610", "CC-100", money("450.00"), money("0.00")),
					tuple("7710", "CC-100", money("42.50"), money("0.00")));
		assertThat(voucher.debitTotal()).isEqualByComparingTo("4281.25");
		assertThat(voucher.creditTotal()).isEqualByComparingTo("4281.25");
	}

	@Test
	void employerTaxesAndBenefitsGoToTheirOwnLiabilityAndPerNameAccountsWhenMapped() {
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.accounts.EMPLOYER_TAX_LIABILITY", "2720");
		mapping.put("mapping.accounts.BENEFITS_LIABILITY", "2820");
		mapping.put("mapping.employer-tax-accounts.FUTA", "7520");
		mapping.put("mapping.benefit-accounts.[Dental Plan]", "7620");
		var ann = employee(ANN, "Ann").earning("Regular Hours", "2000.00", null)
			.employeeTax("Federal Income Tax", "300.00")
			.employerTax("Social Security", "124.00")
			.employerTax("FUTA", "12.00")
			.benefit("Dental Plan", "20.00", "40.00")
			.deduction("Garnishment", "50.00")
			.build();
		VoucherDraft voucher = single(build(mapping, payroll(List.of(ann)),
				Map.of(ANN, profile(ANN, "Engineering", null, job("j", "Engineer", true)))));
		assertThat(voucher.rows()).extracting(Row::account, Row::debit, Row::credit)
			.containsExactly(tuple("2710", money("0.00"), money("300.00")),
					tuple("2720", money("0.00"), money("136.00")), tuple("2810", money("0.00"), money("50.00")),
					tuple("2820", money("0.00"), money("60.00")), tuple("2910", money("0.00"), money("1630.00")),
					tuple("7010", money("2000.00"), money("0.00")), tuple("7510", money("124.00"), money("0.00")),
					tuple("7520", money("12.00"), money("0.00")), tuple("7620", money("40.00"), money("0.00")));
		assertThat(voucher.balanced()).isTrue();
	}

	@Test
	void cashTipsAreWagesButNotNetPayAndImputedIncomeIsNotPostedAtAll() {
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.accounts.CASH_TIPS_CLEARING", "2950");
		mapping.put("mapping.wage-accounts.OVERTIME", "7030");
		var bob = employee(BOB, "Bob").earning("Regular Hours", "1200.00", "job-bob")
			.earning("Overtime", "180.00", "job-bob")
			.earning("Cash Tips", "300.00", "job-bob")
			.earning("Paycheck Tips", "100.00", "job-bob")
			.earning("Group Term Life", "25.00", null)
			.employeeTax("Federal Income Tax", "200.00")
			.employerTax("Medicare", "110.00")
			.build();
		assertThat(bob.grossPay()).isEqualByComparingTo("1780.00");
		assertThat(bob.netPay()).isEqualByComparingTo("1280.00");
		VoucherDraft voucher = single(build(mapping, payroll(List.of(bob)),
				Map.of(BOB, profile(BOB, "Sales", null, job("job-bob", "Server", true)))));
		assertThat(voucher.rows()).extracting(Row::account, Row::debit, Row::credit)
			.containsExactly(tuple("2710", money("0.00"), money("310.00")),
					tuple("2910", money("0.00"), money("1280.00")), tuple("2950", money("0.00"), money("300.00")),
					tuple("7010", money("1600.00"), money("0.00")), tuple("7030", money("180.00"), money("0.00")),
					tuple("7510", money("110.00"), money("0.00")));
		assertThat(voucher.debitTotal()).isEqualByComparingTo("1890.00");
		assertThat(voucher.balanced()).isTrue();
	}

	@Test
	void cashTipsWithoutAClearingAccountStopThePostingAndSayWhichKeyToAdd() {
		var bob = employee(BOB, "Bob").earning("Regular Hours", "1000.00", null)
			.earning("Cash Tips", "50.00", null)
			.build();
		VoucherPlan plan = new AccrualVoucherBuilder(rules(standardMapping()), "10").build(payroll(List.of(bob)),
				Map.of(BOB, profile(BOB, "Sales", null)));
		assertThat(plan).isInstanceOfSatisfying(VoucherPlan.Rejected.class,
				(rejected) -> assertThat(rejected.problems()).singleElement()
					.asString()
					.contains("mapping.accounts.CASH_TIPS_CLEARING"));
	}

	@Test
	void aPersonWithTwoJobsInTwoCompaniesIsSplitByTheJobOfEachLineAndEachCompanyBalances() {
		// given a barista (primary job, company 10 by location) who also trains staff,
		// which a rule sends to company 20
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.company-by-location.loc-cafe", "10");
		mapping.put("mapping.allocation-rules[0].job-title", "Trainer");
		mapping.put("mapping.allocation-rules[0].company", "20");
		mapping.put("mapping.allocation-rules[0].cost-center", "CC-TR");
		var cat = employee(CAT, "Cat").earning("Regular Hours", "800.00", "job-barista")
			.earning("Regular Hours", "400.00", "job-trainer")
			.employeeTax("Federal Income Tax", "150.00")
			.employerTax("Social Security", "90.00")
			.build();
		VoucherPlan plan = new AccrualVoucherBuilder(rules(mapping), "10").build(payroll(List.of(cat)),
				Map.of(CAT, profile(CAT, "Sales", "loc-cafe", job("job-barista", "Barista", true),
						job("job-trainer", "Trainer", false))));
		List<VoucherDraft> vouchers = ((VoucherPlan.Ready) plan).vouchers();
		assertThat(vouchers).extracting(VoucherDraft::company).containsExactly("10", "20");
		assertThat(vouchers.get(0).rows()).extracting(Row::account, Row::costCenter, Row::debit, Row::credit)
			.containsExactly(tuple("2710", "CC-200", money("0.00"), money("240.00")),
					tuple("2910", "CC-200", money("0.00"), money("650.00")),
					tuple("7010", "CC-200", money("800.00"), money("0.00")),
					tuple("7510", "CC-200", money("90.00"), money("0.00")));
		assertThat(vouchers.get(1).rows()).extracting(Row::account, Row::costCenter, Row::debit, Row::credit)
			.containsExactly(tuple("2910", "CC-TR", money("0.00"), money("400.00")),
					tuple("7010", "CC-TR", money("400.00"), money("0.00")));
		assertThat(vouchers).allMatch(VoucherDraft::balanced);
		// the net pay parts add up to the check amount
		assertThat(vouchers.stream()
			.flatMap((voucher) -> voucher.rows().stream())
			.filter((row) -> row.account().equals("2910"))
			.map(Row::credit)
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(cat.checkAmount());
	}

	@Test
	void aSplitInThreeSharesEveryLineByLargestRemainderSoTheOddCentsAddUp() {
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.allocation-rules[0].employee", ANN);
		for (int i = 0; i < 3; i++) {
			mapping.put("mapping.allocation-rules[0].split[" + i + "].cost-center", "CC-" + (i + 1));
			mapping.put("mapping.allocation-rules[0].split[" + i + "].weight", "1");
		}
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null)
			.employerTax("Medicare", "14.51")
			.build();
		VoucherDraft voucher = single(build(mapping, payroll(List.of(ann)),
				Map.of(ANN, profile(ANN, "Engineering", null, job("j", "Engineer", true)))));
		assertThat(voucher.rows()).filteredOn((row) -> row.account().equals("7010"))
			.extracting(Row::costCenter, Row::debit)
			.containsExactly(tuple("CC-1", money("333.34")), tuple("CC-2", money("333.33")),
					tuple("CC-3", money("333.33")));
		assertThat(voucher.rows()).filteredOn((row) -> row.account().equals("7510"))
			.extracting(Row::costCenter, Row::debit)
			.containsExactly(tuple("CC-1", money("4.84")), tuple("CC-2", money("4.84")), tuple("CC-3", money("4.83")));
		assertThat(voucher.rows()).filteredOn((row) -> row.account().equals("2910"))
			.extracting(Row::costCenter, Row::credit)
			.containsExactly(tuple("CC-1", money("333.34")), tuple("CC-2", money("333.33")),
					tuple("CC-3", money("333.33")));
		assertThat(voucher.balanced()).isTrue();
	}

	@Test
	void aNegativeCorrectionLandsOnTheOtherSideAndZeroLinesAreDropped() {
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.wage-accounts.OTHER", "7090");
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null)
			.earning("Correction", "-50.00", null)
			.employerTax("FUTA", "0.00")
			.benefit("Vision", "0.00", "0.00")
			.build();
		VoucherDraft voucher = single(build(mapping, payroll(List.of(ann)),
				Map.of(ANN, profile(ANN, "Engineering", null, job("j", "Engineer", true)))));
		assertThat(voucher.rows()).extracting(Row::account, Row::debit, Row::credit)
			.containsExactly(tuple("2910", money("0.00"), money("950.00")),
					tuple("7010", money("1000.00"), money("0.00")), tuple("7090", money("0.00"), money("50.00")));
	}

	@Test
	void rowsAreAggregatedPerAccountAndCostCenterUnlessKeptPerEmployee() {
		var ann = employee(ANN, "Ann").earning("Regular Hours", "100.00", null).build();
		var bob = employee(BOB, "Bob").earning("Regular Hours", "200.00", null).build();
		Map<String, EmployeeProfile> profiles = Map.of(ANN, profile(ANN, "Engineering", null), BOB,
				profile(BOB, "Engineering", null));
		VoucherDraft aggregated = single(build(standardMapping(), payroll(List.of(ann, bob)), profiles));
		assertThat(aggregated.rows()).extracting(Row::account, Row::employeeUuid, Row::debit, Row::credit)
			.containsExactly(tuple("2910", null, money("0.00"), money("300.00")),
					tuple("7010", null, money("300.00"), money("0.00")));
		Map<String, String> perEmployee = standardMapping();
		perEmployee.put("mapping.rows-per-employee", "true");
		VoucherDraft detailed = single(build(perEmployee, payroll(List.of(ann, bob)), profiles));
		assertThat(detailed.rows()).extracting(Row::account, Row::employeeUuid, Row::debit)
			.containsExactly(tuple("2910", ANN, money("0.00")), tuple("2910", BOB, money("0.00")),
					tuple("7010", ANN, money("100.00")), tuple("7010", BOB, money("200.00")));
	}

	@Test
	void anUnmappedEmployeeStopsTheWholePayrollWithTheKeyToAdd() {
		var ann = employee(ANN, "Ann").earning("Regular Hours", "100.00", null).build();
		var bob = employee(BOB, "Bob Builder").earning("Regular Hours", "200.00", null).build();
		VoucherPlan plan = new AccrualVoucherBuilder(rules(standardMapping()), "10").build(payroll(List.of(ann, bob)),
				Map.of(ANN, profile(ANN, "Engineering", null), BOB, profile(BOB, "Field Ops", null)));
		assertThat(plan).isInstanceOfSatisfying(VoucherPlan.Rejected.class,
				(rejected) -> assertThat(rejected.problems()).singleElement()
					.asString()
					.contains("Bob Builder", BOB, "department 'Field Ops'",
							"mapping.cost-center-by-department.\"[Field Ops]\"", "mapping.default-cost-center"));
	}

	@Test
	void aDefaultCostCenterCatchesEmployeesWithoutADepartmentRule() {
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.default-cost-center", "CC-900");
		var bob = employee(BOB, "Bob").earning("Regular Hours", "200.00", null).build();
		VoucherDraft voucher = single(
				build(mapping, payroll(List.of(bob)), Map.of(BOB, profile(BOB, "Field Ops", null))));
		assertThat(voucher.rows()).extracting(Row::costCenter).containsOnly("CC-900");
	}

	@Test
	void anEmployeeWhoseNetPayContradictsGrossLessTaxesAndDeductionsIsRefused() {
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null)
			.employeeTax("Federal Income Tax", "100.00")
			.netPay("900.01")
			.build();
		VoucherPlan plan = new AccrualVoucherBuilder(rules(standardMapping()), "10").build(payroll(List.of(ann)),
				Map.of(ANN, profile(ANN, "Engineering", null)));
		assertThat(plan).isInstanceOfSatisfying(VoucherPlan.Rejected.class,
				(rejected) -> assertThat(rejected.problems()).singleElement()
					.asString()
					.contains("net pay 900.01", "(= 900.00)"));
	}

	@Test
	void employeeSumsThatDifferFromThePayrollTotalsAreRefused() {
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null).build();
		ProcessedPayroll payroll = new ProcessedPayroll(PayrollFixtures.PAYROLL, PayrollFixtures.CHECK_DATE,
				PayrollFixtures.PERIOD_END, false, List.of(ann), List.of(),
				new ProcessedPayroll.Totals(money("1500.00"), money("1000.00"), money("0.00"), money("0.00"),
						money("0.00"), null, null, null, null, null));
		VoucherPlan plan = new AccrualVoucherBuilder(rules(standardMapping()), "10").build(payroll,
				Map.of(ANN, profile(ANN, "Engineering", null)));
		assertThat(plan).isInstanceOfSatisfying(VoucherPlan.Rejected.class,
				(rejected) -> assertThat(rejected.problems()).singleElement()
					.asString()
					.contains("gross pay add up to 1000.00 but the payroll's total is 1500.00"));
	}

	@Test
	void employerTaxesOfThePayrollAsAWholeGoToTheDefaultAllocationAndReconcileWithTheTotals() {
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.default-cost-center", "CC-900");
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null)
			.employerTax("Medicare", "14.50")
			.build();
		ProcessedPayroll payroll = new ProcessedPayroll(PayrollFixtures.PAYROLL, PayrollFixtures.CHECK_DATE,
				PayrollFixtures.PERIOD_END, false, List.of(ann),
				List.of(new ProcessedPayroll.TaxLine("State Unemployment", true, money("7.25"))),
				new ProcessedPayroll.Totals(money("1000.00"), money("1000.00"), money("0.00"), money("21.75"),
						money("0.00"), null, null, null, null, null));
		VoucherDraft voucher = single(new AccrualVoucherBuilder(rules(mapping), "10").build(payroll,
				Map.of(ANN, profile(ANN, "Engineering", null))));
		assertThat(voucher.rows()).extracting(Row::account, Row::costCenter, Row::debit, Row::credit)
			.contains(tuple("7510", "CC-900", money("7.25"), money("0.00")),
					tuple("2710", "CC-900", money("0.00"), money("7.25")));
		assertThat(voucher.balanced()).isTrue();
	}

	@Test
	void theVoucherIsDatedWithThePeriodEndWhenConfigured() {
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.voucher-date", "period-end");
		var ann = employee(ANN, "Ann").earning("Regular Hours", "100.00", null).build();
		VoucherDraft voucher = single(
				build(mapping, payroll(List.of(ann)), Map.of(ANN, profile(ANN, "Engineering", null))));
		assertThat(voucher.voucherDate()).isEqualTo(PayrollFixtures.PERIOD_END);
	}

	@Test
	void aReversalSwapsEverySideOfTheOriginalAndReferencesIt() {
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null)
			.employeeTax("Federal Income Tax", "100.00")
			.build();
		VoucherDraft original = single(
				build(standardMapping(), payroll(List.of(ann)), Map.of(ANN, profile(ANN, "Engineering", null))));
		VoucherDraft reversal = original.reversed(
				PayrollReferences.reference(PayrollFixtures.PAYROLL, PostingKind.REVERSAL, "10"),
				PayrollFixtures.CHECK_DATE.plusDays(3));
		assertThat(reversal.text()).isEqualTo("Reversal of " + original.reference());
		assertThat(reversal.rows()).extracting(Row::account, Row::debit, Row::credit)
			.containsExactly(tuple("2710", money("100.00"), money("0.00")),
					tuple("2910", money("900.00"), money("0.00")), tuple("7010", money("0.00"), money("1000.00")));
		assertThat(reversal.balanced()).isTrue();
	}

	@Test
	void anEmployerBenefitContributionTheTotalsHaveButTheEmployeesDoNotIsRefusedNamingTheDifference() {
		// a missing employee_benefits:read scope hides the benefits of the employees
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null).build();
		ProcessedPayroll payroll = new ProcessedPayroll(PayrollFixtures.PAYROLL, PayrollFixtures.CHECK_DATE,
				PayrollFixtures.PERIOD_END, false, List.of(ann), List.of(),
				new ProcessedPayroll.Totals(money("1000.00"), money("1000.00"), money("0.00"), money("0.00"),
						money("0.00"), null, null, null, null, null, money("450.00"), money("0.00"), money("0.00"),
						money("0.00")));
		VoucherPlan plan = build(standardMapping(), payroll, Map.of(ANN, profile(ANN, "Engineering", null)));
		assertThat(plan).isInstanceOfSatisfying(VoucherPlan.Rejected.class,
				(rejected) -> assertThat(rejected.problems()).singleElement()
					.asString()
					.contains("company benefit contributions add up to 0.00 but the payroll's total is 450.00",
							"a difference of 450.00", "employee_benefits:read"));
	}

	@Test
	void deductionsAndPaperChecksAreCheckedAgainstTheirTotals() {
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null)
			.benefit("Medical", "50.00", "150.00")
			.deduction("Child Support", "80.00")
			.paidByCheck()
			.build();
		ProcessedPayroll matching = new ProcessedPayroll(PayrollFixtures.PAYROLL, PayrollFixtures.CHECK_DATE,
				PayrollFixtures.PERIOD_END, false, List.of(ann), List.of(),
				new ProcessedPayroll.Totals(money("1000.00"), money("870.00"), money("0.00"), money("0.00"),
						money("0.00"), null, null, null, null, null, money("150.00"), money("50.00"), money("80.00"),
						money("870.00")));
		ProcessedPayroll differing = new ProcessedPayroll(PayrollFixtures.PAYROLL, PayrollFixtures.CHECK_DATE,
				PayrollFixtures.PERIOD_END, false, List.of(ann), List.of(),
				new ProcessedPayroll.Totals(money("1000.00"), money("870.00"), money("0.00"), money("0.00"),
						money("0.00"), null, null, null, null, null, money("150.00"), money("55.00"), money("75.00"),
						money("0.00")));
		Map<String, EmployeeProfile> profiles = Map.of(ANN, profile(ANN, "Engineering", null));
		assertThat(build(standardMapping(), matching, profiles)).isInstanceOf(VoucherPlan.Ready.class);
		assertThat(build(standardMapping(), differing, profiles))
			.isInstanceOfSatisfying(VoucherPlan.Rejected.class, (rejected) -> assertThat(rejected.problems()).hasSize(3)
				.anySatisfy((problem) -> assertThat(problem).contains("employee benefit deductions add up to 50.00"))
				.anySatisfy((problem) -> assertThat(problem).contains("other deductions add up to 80.00"))
				.anySatisfy((problem) -> assertThat(problem).contains("paper check amounts add up to 870.00")));
	}

	@Test
	void anUnknownEarningTypeAndLinesBeyondGrossArePostedWithAWarning() {
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null)
			.earning("Hazard Pay", "50.00", null)
			.build();
		ProcessedPayroll.EmployeePay understated = new ProcessedPayroll.EmployeePay(ann.employeeUuid(), ann.name(),
				money("1000.00"), money("1000.00"), money("1000.00"), ann.earnings(), List.of(), List.of(), List.of(),
				List.of());
		VoucherPlan plan = build(standardMapping(), payroll(List.of(understated)),
				Map.of(ANN, profile(ANN, "Engineering", null)));
		assertThat(plan).isInstanceOfSatisfying(VoucherPlan.Ready.class, (ready) -> {
			assertThat(ready.vouchers().get(0).balanced()).isTrue();
			assertThat(ready.warnings()).hasSize(2)
				.anySatisfy((warning) -> assertThat(warning).contains("earning type 'Hazard Pay' is not known",
						"mapping.earning-categories"))
				.anySatisfy((warning) -> assertThat(warning)
					.contains("the compensation lines exceed gross pay 1000.00 by 50.00"));
		});
	}

	@Test
	void aReversalPayrollWithNegatedAmountsBooksTheMirrorOfTheOriginal() {
		var ann = employee(ANN, "Ann").earning("Regular Hours", "1000.00", null)
			.employeeTax("Federal Income Tax", "100.00")
			.build();
		var negated = employee(ANN, "Ann").earning("Regular Hours", "-1000.00", null)
			.employeeTax("Federal Income Tax", "-100.00")
			.build();
		Map<String, EmployeeProfile> profiles = Map.of(ANN, profile(ANN, "Engineering", null));
		VoucherDraft original = single(build(standardMapping(), payroll(List.of(ann)), profiles));
		VoucherDraft reversal = single(build(standardMapping(),
				new ProcessedPayroll("r0000000-0000-0000-0000-000000000001", PayrollFixtures.CHECK_DATE.plusDays(7),
						PayrollFixtures.PERIOD_END, true, "Reversal", List.of(negated), List.of(), null),
				profiles));
		assertThat(reversal.text()).contains("reversal accrual");
		assertThat(reversal.rows()).extracting(Row::account, Row::debit, Row::credit)
			.containsExactlyElementsOf(
					original.rows().stream().map((row) -> tuple(row.account(), row.credit(), row.debit())).toList());
	}

	private static VoucherPlan build(Map<String, String> mapping, ProcessedPayroll payroll,
			Map<String, EmployeeProfile> profiles) {
		return new AccrualVoucherBuilder(rules(mapping), "10").build(payroll, profiles);
	}

	private static VoucherDraft single(VoucherPlan plan) {
		assertThat(plan).isInstanceOf(VoucherPlan.Ready.class);
		List<VoucherDraft> vouchers = ((VoucherPlan.Ready) plan).vouchers();
		assertThat(vouchers).hasSize(1);
		return vouchers.get(0);
	}

}
