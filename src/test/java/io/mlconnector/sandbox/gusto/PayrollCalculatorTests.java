package io.mlconnector.sandbox.gusto;

import java.time.LocalDate;
import java.util.Map;

import io.mlconnector.sandbox.gusto.PayrollCalculator.EmployeePay;
import io.mlconnector.sandbox.gusto.SandboxCompany.Kind;
import io.mlconnector.sandbox.gusto.SandboxCompany.Payroll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayrollCalculatorTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

	@Test
	void everyProcessedPayrollIsConsistentToTheCent() {
		SandboxCompany company = CompanyGenerator.generate(null, 2_000, 42, AS_OF);

		for (Payroll payroll : company.payrolls) {
			if (!payroll.processed) {
				continue;
			}
			Map<String, Long> totals = payroll.result.totals();
			long gross = 0;
			long net = 0;
			long employerTaxes = 0;
			long companyBenefits = 0;
			for (EmployeePay pay : payroll.result.employees()) {
				long employeeTaxes = pay.taxes()
					.stream()
					.filter((t) -> !t.employer())
					.mapToLong((t) -> t.cents())
					.sum();
				long deductions = pay.benefits().stream().mapToLong((b) -> b.employeeCents()).sum()
						+ pay.deductions().stream().mapToLong((d) -> d.cents()).sum();
				assertThat(pay.gross()).isEqualTo(pay.net() + employeeTaxes + deductions);
				assertThat(pay.check())
					.isEqualTo(pay.net() + pay.reimbursements().stream().mapToLong((r) -> r.cents()).sum());
				gross += pay.gross();
				net += pay.net();
				employerTaxes += pay.taxes().stream().filter((t) -> t.employer()).mapToLong((t) -> t.cents()).sum();
				companyBenefits += pay.benefits().stream().mapToLong((b) -> b.companyCents()).sum();
			}
			assertThat(totals.get("gross_pay")).isEqualTo(gross);
			assertThat(totals.get("net_pay")).isEqualTo(net);
			assertThat(totals.get("employer_taxes")).isEqualTo(employerTaxes);
			assertThat(totals.get("benefits")).isEqualTo(companyBenefits);
			assertThat(totals.get("company_debit")).isEqualTo(totals.get("net_pay_debit")
					+ totals.get("reimbursement_debit") + totals.get("tax_debit") + totals.get("child_support_debit"));
		}
	}

	@Test
	void theSameSeedGivesTheSameCompanyAndPayrolls() {
		SandboxCompany first = CompanyGenerator.generate(null, 500, 9, AS_OF);
		SandboxCompany second = CompanyGenerator.generate(null, 500, 9, AS_OF);

		assertThat(second.uuid).isEqualTo(first.uuid);
		assertThat(second.employees.get(123).uuid).isEqualTo(first.employees.get(123).uuid);
		assertThat(second.payrolls.get(0).result.totals()).isEqualTo(first.payrolls.get(0).result.totals());
		assertThat(CompanyGenerator.generate(null, 500, 10, AS_OF).payrolls.get(0).result.totals())
			.isNotEqualTo(first.payrolls.get(0).result.totals());
	}

	@Test
	void theCompanyHasHourlySalariedTwoJobHiresTerminationsBonusReversalAndCancelledPayrolls() {
		SandboxCompany company = CompanyGenerator.generate(null, 1_000, 42, AS_OF);

		assertThat(company.employees).anySatisfy((e) -> assertThat(e.jobs.get(0).hourly).isTrue());
		assertThat(company.employees).anySatisfy((e) -> assertThat(e.jobs.get(0).hourly).isFalse());
		assertThat(company.employees).anySatisfy((e) -> assertThat(e.jobs).hasSize(2));
		assertThat(company.employees).anySatisfy((e) -> assertThat(e.terminatedOn).isNotNull());
		assertThat(company.payrolls).anySatisfy((p) -> assertThat(p.kind).isEqualTo(Kind.BONUS));
		assertThat(company.payrolls).anySatisfy((p) -> assertThat(p.cancelled).isTrue());
		Payroll reversal = company.payrolls.stream().filter((p) -> p.kind == Kind.REVERSAL).findFirst().orElseThrow();
		assertThat(reversal.result.totals().get("gross_pay"))
			.isEqualTo(-reversal.reverses.result.totals().get("gross_pay"));
		assertThat(reversal.reverses.reversedBy).containsExactly(reversal.uuid);
	}

	@Test
	void fiftyThousandEmployeesAreGeneratedInSeconds() {
		long start = System.nanoTime();

		SandboxCompany company = CompanyGenerator.generate(null, CompanyGenerator.MAX_EMPLOYEES, 1, AS_OF);

		assertThat(company.employees).hasSize(50_000);
		assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(20.0);
	}

}
