package io.mlconnector.payroll;

import java.util.List;
import java.util.Map;

import io.mlconnector.allocation.Allocator;
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

class PaymentVoucherBuilderTests {

	private static final String ANN = "a0000000-0000-0000-0000-000000000001";

	private static final String BOB = "b0000000-0000-0000-0000-000000000002";

	@Test
	void thePaymentClearsNetPayTaxesAndChildSupportAgainstTheBank() {
		Map<String, String> mapping = mapping();
		VoucherPlan plan = new PaymentVoucherBuilder(rules(mapping)).build(PayrollFixtures.PAYROLL,
				PayrollFixtures.CHECK_DATE, accrual(mapping),
				totals("2562.25", "42.50", "976.50", "100.00", "3681.25"));
		assertThat(plan).isInstanceOf(VoucherPlan.Ready.class);
		VoucherDraft payment = ((VoucherPlan.Ready) plan).vouchers().get(0);
		assertThat(payment.reference()).isEqualTo("GUSTO:" + PayrollFixtures.PAYROLL + ":PAYMENT:10");
		assertThat(payment.rows()).extracting(Row::account, Row::costCenter, Row::debit, Row::credit)
			.containsExactly(tuple("2710", "CC-100", money("976.50"), money("0.00")),
					tuple("2910", "CC-100", money("2604.75"), money("0.00")),
					tuple("2810", null, money("100.00"), money("0.00")),
					tuple("1930", null, money("0.00"), money("3681.25")));
		assertThat(payment.balanced()).isTrue();
	}

	@Test
	void aDebitThatDiffersFromTheAccrualPostsNothingAndSaysWhere() {
		Map<String, String> mapping = mapping();
		VoucherPlan plan = new PaymentVoucherBuilder(rules(mapping)).build(PayrollFixtures.PAYROLL,
				PayrollFixtures.CHECK_DATE, accrual(mapping),
				totals("2562.25", "42.50", "976.49", "100.00", "3681.24"));
		assertThat(plan).isInstanceOfSatisfying(VoucherPlan.Rejected.class,
				(rejected) -> assertThat(rejected.problems()).anySatisfy((problem) -> assertThat(problem)
					.contains("Gusto debited 976.49 for taxes but the accrual owes 976.50")));
	}

	@Test
	void withoutAPostedAccrualThereIsNoPayment() {
		VoucherPlan plan = new PaymentVoucherBuilder(rules(mapping())).build(PayrollFixtures.PAYROLL,
				PayrollFixtures.CHECK_DATE, List.of(), totals("0.00", "0.00", "0.00", "0.00", "0.00"));
		assertThat(plan).isInstanceOfSatisfying(VoucherPlan.Rejected.class,
				(rejected) -> assertThat(rejected.problems()).singleElement().asString().contains("is not posted"));
	}

	@Test
	void paperCheckPayStaysPayableAsInGustosExampleWhereNetPayLessCheckAmountIsTheDebit() {
		Map<String, String> mapping = mapping();
		var ann = employee(ANN, "Ann").earning("Regular Hours", "2000.00", null)
			.employeeTax("Federal Income Tax", "200.00")
			.build();
		var bob = employee(BOB, "Bob").earning("Regular Hours", "1000.00", null)
			.employeeTax("Federal Income Tax", "100.00")
			.paidByCheck()
			.build();
		Map<String, EmployeeProfile> profiles = Map.of(ANN, profile(ANN, "Engineering", null), BOB,
				profile(BOB, "Engineering", null));
		List<VoucherDraft> accrual = ((VoucherPlan.Ready) new AccrualVoucherBuilder(rules(mapping), "10")
			.build(payroll(List.of(ann, bob)), profiles)).vouchers();
		List<VoucherDraft> byCheck = ((VoucherPlan.Ready) new AccrualVoucherBuilder(rules(mapping), "10")
			.build(payroll(List.of(bob)), profiles)).vouchers();
		// net_pay 2700.00 - check_amount 900.00 = net_pay_debit 1800.00
		VoucherPlan plan = new PaymentVoucherBuilder(rules(mapping)).build(PayrollFixtures.PAYROLL,
				PayrollFixtures.CHECK_DATE, accrual, totals("1800.00", "0.00", "300.00", "0.00", "2100.00"), byCheck,
				Map.of());
		assertThat(plan).isInstanceOf(VoucherPlan.Ready.class);
		assertThat(((VoucherPlan.Ready) plan).vouchers().get(0).rows())
			.extracting(Row::account, Row::costCenter, Row::debit, Row::credit)
			.containsExactly(tuple("2710", "CC-100", money("300.00"), money("0.00")),
					tuple("2910", "CC-100", money("1800.00"), money("0.00")),
					tuple("1930", null, money("0.00"), money("2100.00")));
	}

	@Test
	void childSupportIsClearedInTheCompanyWhereItWasWithheld() {
		Map<String, String> mapping = mapping();
		mapping.put("mapping.company-by-location.loc-30", "30");
		var ann = employee(ANN, "Ann").earning("Regular Hours", "3000.00", null).build();
		var bob = employee(BOB, "Bob").earning("Regular Hours", "1000.00", null)
			.deduction("Child Support", "100.00")
			.build();
		Map<String, EmployeeProfile> profiles = Map.of(ANN, profile(ANN, "Engineering", null), BOB,
				profile(BOB, "Engineering", "loc-30"));
		ProcessedPayroll payroll = payroll(List.of(ann, bob));
		List<VoucherDraft> accrual = ((VoucherPlan.Ready) new AccrualVoucherBuilder(rules(mapping), "10").build(payroll,
				profiles))
			.vouchers();
		Map<String, java.math.BigDecimal> withheld = PaymentVoucherBuilder.childSupportWithheld(payroll, profiles,
				new Allocator(rules(mapping).allocation(), "10"));
		VoucherPlan plan = new PaymentVoucherBuilder(rules(mapping)).build(PayrollFixtures.PAYROLL,
				PayrollFixtures.CHECK_DATE, accrual, totals("3900.00", "0.00", "0.00", "100.00", "4000.00"), List.of(),
				withheld);
		assertThat(withheld).containsExactly(java.util.Map.entry("30", money("100.00")));
		assertThat(plan).isInstanceOfSatisfying(VoucherPlan.Ready.class, (ready) -> {
			assertThat(ready.vouchers()).extracting(VoucherDraft::company).containsExactly("10", "30");
			assertThat(ready.vouchers().get(0).rows()).extracting(Row::account).doesNotContain("2810");
			assertThat(ready.vouchers().get(1).rows()).extracting(Row::account, Row::debit)
				.contains(tuple("2810", money("100.00")));
			assertThat(ready.vouchers()).allSatisfy((voucher) -> assertThat(voucher.balanced()).isTrue());
		});
	}

	private static Map<String, String> mapping() {
		Map<String, String> mapping = standardMapping();
		mapping.put("mapping.accounts.CASH", "1930");
		return mapping;
	}

	private static List<VoucherDraft> accrual(Map<String, String> mapping) {
		var ann = employee(ANN, "Ann").earning("Regular Hours", "3500.00", null)
			.employeeTax("Federal Income Tax", "687.75")
			.employerTax("Social Security", "288.75")
			.benefit("Medical", "150.00", "450.00")
			.deduction("Child Support", "100.00")
			.reimbursement("42.50")
			.build();
		VoucherPlan plan = new AccrualVoucherBuilder(rules(mapping), "10").build(payroll(List.of(ann)),
				Map.of(ANN, profile(ANN, "Engineering", null, job("j", "Engineer", true))));
		return ((VoucherPlan.Ready) plan).vouchers();
	}

	private static ProcessedPayroll.Totals totals(String netPay, String reimbursements, String taxes,
			String childSupport, String companyDebit) {
		return new ProcessedPayroll.Totals(null, null, null, null, null, money(companyDebit), money(netPay),
				money(taxes), money(reimbursements), money(childSupport));
	}

}
