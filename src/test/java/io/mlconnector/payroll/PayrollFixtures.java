package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mlconnector.allocation.EmployeeProfile;
import io.mlconnector.payroll.ProcessedPayroll.BenefitLine;
import io.mlconnector.payroll.ProcessedPayroll.DeductionLine;
import io.mlconnector.payroll.ProcessedPayroll.EarningLine;
import io.mlconnector.payroll.ProcessedPayroll.EmployeePay;
import io.mlconnector.payroll.ProcessedPayroll.TaxLine;
import io.mlconnector.tenant.MappingRules;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Payrolls, employees and mapping rules for the accounting tests, in one place.
 */
final class PayrollFixtures {

	static final String PAYROLL = "b1a9f6a4-53e4-4bcb-9a4e-2c1d8d6b5e01";

	static final LocalDate CHECK_DATE = LocalDate.of(2026, 11, 27);

	static final LocalDate PERIOD_END = LocalDate.of(2026, 11, 21);

	private PayrollFixtures() {
	}

	/**
	 * The mapping of the worked example in README: company 10, departments to cost
	 * centers, the required accounts and a few optional ones.
	 */
	static Map<String, String> standardMapping() {
		Map<String, String> properties = new HashMap<>();
		properties.put("mapping.accounts.GROSS_WAGES", "7010");
		properties.put("mapping.accounts.EMPLOYER_TAXES", "7510");
		properties.put("mapping.accounts.EMPLOYER_BENEFITS", "7610");
		properties.put("mapping.accounts.REIMBURSEMENTS", "7710");
		properties.put("mapping.accounts.NET_PAY_LIABILITY", "2910");
		properties.put("mapping.accounts.TAX_LIABILITY", "2710");
		properties.put("mapping.accounts.DEDUCTIONS_LIABILITY", "2810");
		properties.put("mapping.cost-center-by-department.Engineering", "CC-100");
		properties.put("mapping.cost-center-by-department.Sales", "CC-200");
		return properties;
	}

	static MappingRules rules(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("mapping", MappingRules.class);
	}

	static ProcessedPayroll payroll(List<EmployeePay> employees) {
		return new ProcessedPayroll(PAYROLL, CHECK_DATE, PERIOD_END, false, employees, List.of(), null);
	}

	static EmployeeProfile profile(String uuid, String department, String location, EmployeeProfile.Job... jobs) {
		return new EmployeeProfile(uuid, department, location, List.of(jobs));
	}

	static EmployeeProfile.Job job(String uuid, String title, boolean primary) {
		return new EmployeeProfile.Job(uuid, title, primary);
	}

	static BigDecimal money(String amount) {
		return new BigDecimal(amount);
	}

	/**
	 * Builds one employee's compensation; gross, net and check amount are computed the
	 * way Gusto defines them unless set explicitly.
	 */
	static Employee employee(String uuid, String name) {
		return new Employee(uuid, name);
	}

	static final class Employee {

		private final String uuid;

		private final String name;

		private final List<EarningLine> earnings = new ArrayList<>();

		private final List<TaxLine> taxes = new ArrayList<>();

		private final List<BenefitLine> benefits = new ArrayList<>();

		private final List<DeductionLine> deductions = new ArrayList<>();

		private final List<BigDecimal> reimbursements = new ArrayList<>();

		private BigDecimal netPayOverride;

		private boolean paidByCheck;

		private Employee(String uuid, String name) {
			this.uuid = uuid;
			this.name = name;
		}

		Employee earning(String name, String amount, String jobUuid) {
			this.earnings.add(new EarningLine(name, money(amount), jobUuid));
			return this;
		}

		Employee employeeTax(String name, String amount) {
			this.taxes.add(new TaxLine(name, false, money(amount)));
			return this;
		}

		Employee employerTax(String name, String amount) {
			this.taxes.add(new TaxLine(name, true, money(amount)));
			return this;
		}

		Employee benefit(String name, String employeeDeduction, String companyContribution) {
			this.benefits.add(new BenefitLine(name, money(employeeDeduction), money(companyContribution), false));
			return this;
		}

		Employee deduction(String name, String amount) {
			this.deductions.add(new DeductionLine(name, money(amount)));
			return this;
		}

		Employee reimbursement(String amount) {
			this.reimbursements.add(money(amount));
			return this;
		}

		Employee paidByCheck() {
			this.paidByCheck = true;
			return this;
		}

		Employee netPay(String amount) {
			this.netPayOverride = money(amount);
			return this;
		}

		EmployeePay build() {
			BigDecimal gross = sum(this.earnings.stream()
				.filter((line) -> !List.of("group term life", "reimbursement").contains(line.name().toLowerCase()))
				.map(EarningLine::amount)
				.toList());
			BigDecimal cashTips = sum(this.earnings.stream()
				.filter((line) -> line.name().equalsIgnoreCase("Cash Tips"))
				.map(EarningLine::amount)
				.toList());
			BigDecimal employeeTaxes = sum(
					this.taxes.stream().filter((tax) -> !tax.employer()).map(TaxLine::amount).toList());
			BigDecimal deducted = sum(this.benefits.stream().map(BenefitLine::employeeDeduction).toList())
				.add(sum(this.deductions.stream().map(DeductionLine::amount).toList()));
			BigDecimal net = (this.netPayOverride != null) ? this.netPayOverride
					: gross.subtract(employeeTaxes).subtract(deducted).subtract(cashTips);
			BigDecimal check = net.add(sum(this.reimbursements));
			return new EmployeePay(this.uuid, this.name, gross, net, check, this.earnings, this.taxes, this.benefits,
					this.deductions, this.reimbursements, this.paidByCheck);
		}

		private static BigDecimal sum(List<BigDecimal> amounts) {
			return amounts.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
		}

	}

}
