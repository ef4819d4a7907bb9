package io.mlconnector.gusto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GustoClientIntegrationTests extends GustoSandboxTestSupport {

	@BeforeEach
	void connectTheDemoTenant() {
		if (this.store.find(TENANT, "GUSTO").map((g) -> g.status().name().equals("ACTIVE")).orElse(false)) {
			return;
		}
		this.jdbc.sql("DELETE FROM oauth_token").update();
		assertThat(connect(null).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void pagesThroughTenThousandEmployeesWithJobsAndCompensations() {
		admin("POST", "/_admin/companies", Map.of("company_uuid", COMPANY, "employees", 10_000, "seed", 7));
		admin("DELETE", "/_admin/stats", null);

		List<GustoEmployee> employees = this.client.employees(TENANT).collectList().block();

		assertThat(employees).hasSize(10_000);
		assertThat(employees.stream().map(GustoEmployee::uuid).distinct()).hasSize(10_000);
		assertThat(employees).allSatisfy((e) -> {
			assertThat(e.jobs()).isNotEmpty();
			assertThat(e.jobs().get(0).compensations()).isNotEmpty();
			assertThat(e.jobs().get(0).rate().scale()).isEqualTo(2);
		});
		assertThat(employees).anySatisfy((e) -> assertThat(e.jobs()).hasSize(2));
		assertThat(employees).anySatisfy((e) -> assertThat(e.terminated()).isTrue());
		assertThat(stat("requests")).isEqualTo(100);
		assertThat(stat("rate_limited")).isZero();
	}

	@Test
	void fetchesATenThousandEmployeePayrollWithAllIncludesConsistentToTheCent() {
		admin("POST", "/_admin/companies", Map.of("company_uuid", COMPANY, "employees", 10_000, "seed", 11));
		String payrollUuid = admin("POST", "/_admin/payrolls/process", Map.of()).path("payroll_uuid").asString();
		admin("DELETE", "/_admin/stats", null);

		GustoPayroll payroll = this.client.payroll(TENANT, payrollUuid).block();

		assertThat(payroll.isProcessed()).isTrue();
		List<GustoEmployeeCompensation> compensations = payroll.employeeCompensations();
		assertThat(compensations).hasSizeGreaterThan(9_000);
		assertThat(compensations.stream().map(GustoEmployeeCompensation::employeeUuid).distinct())
			.hasSize(compensations.size());
		assertThat(stat("requests")).isEqualTo((compensations.size() + 99) / 100);
		for (GustoEmployeeCompensation c : compensations) {
			BigDecimal employeeTaxes = sum(c.taxes().stream().filter((t) -> !t.employer()).map(GustoTax::amount));
			BigDecimal benefitDeductions = sum(c.benefits().stream().map(GustoBenefit::employeeDeduction));
			BigDecimal deductions = sum(c.deductions().stream().map(GustoDeduction::amount));
			assertThat(c.grossPay())
				.isEqualByComparingTo(c.netPay().add(employeeTaxes).add(benefitDeductions).add(deductions));
			assertThat(c.checkAmount())
				.isEqualByComparingTo(c.netPay().add(sum(c.reimbursements().stream().map(GustoReimbursement::amount))));
			assertThat(c.grossPay().scale()).isEqualTo(2);
		}
		GustoPayrollTotals totals = payroll.totals();
		assertThat(totals.grossPay()).isEqualByComparingTo(total(compensations, GustoEmployeeCompensation::grossPay));
		assertThat(totals.netPay()).isEqualByComparingTo(total(compensations, GustoEmployeeCompensation::netPay));
		// Gusto's example: net_pay - check_amount = net_pay_debit, so the total
		// check_amount
		// is what is paid by paper check
		List<GustoEmployeeCompensation> byCheck = compensations.stream()
			.filter((c) -> "Check".equals(c.paymentMethod()))
			.toList();
		assertThat(byCheck).isNotEmpty();
		assertThat(totals.checkAmount()).isEqualByComparingTo(total(byCheck, GustoEmployeeCompensation::checkAmount));
		assertThat(totals.netPayDebit())
			.isEqualByComparingTo(totals.netPay().subtract(total(byCheck, GustoEmployeeCompensation::netPay)));
		assertThat(totals.employerTaxes()).isEqualByComparingTo(sum(compensations.stream()
			.flatMap((c) -> c.taxes().stream())
			.filter(GustoTax::employer)
			.map(GustoTax::amount)));
		assertThat(totals.benefits()).isEqualByComparingTo(sum(
				compensations.stream().flatMap((c) -> c.benefits().stream()).map(GustoBenefit::companyContribution)));
		assertThat(totals.taxDebit()).isEqualByComparingTo(totals.employeeTaxes().add(totals.employerTaxes()));
		assertThat(totals.companyDebit()).isEqualByComparingTo(totals.netPayDebit()
			.add(totals.reimbursementDebit())
			.add(totals.taxDebit())
			.add(totals.childSupportDebit()));
		assertThat(sum(payroll.payrollTaxes().stream().map(GustoTax::amount)))
			.isEqualByComparingTo(totals.employeeTaxes().add(totals.employerTaxes()));
	}

	@Test
	void listsRegularAndOffCycleProcessedPayrollsInWindowsOfAtMostAYear() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		List<GustoPayroll> payrolls = this.client.payrolls(TENANT, today.minusYears(2), today).collectList().block();

		assertThat(payrolls).isNotEmpty().allSatisfy((p) -> {
			assertThat(p.isProcessed()).isTrue();
			assertThat(p.totals()).isNotNull();
		});
		assertThat(payrolls).anySatisfy((p) -> assertThat(p.offCycleReason()).isEqualTo("Bonus"));
		assertThat(payrolls).anySatisfy((p) -> assertThat(p.offCycleReason()).isEqualTo("Reversal"));
		assertThat(payrolls).anySatisfy((p) -> assertThat(p.reversalPayrollUuids()).hasSize(1));
		assertThatThrownBy(() -> this.client.payrolls(TENANT, today, today.plusMonths(4)).blockLast())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at most 3 months ahead");
	}

	@Test
	void readsDepartmentsLocationsWorkAddressesAndTerminations() {
		List<GustoDepartment> departments = this.client.departments(TENANT).collectList().block();
		List<GustoLocation> locations = this.client.locations(TENANT).collectList().block();
		List<GustoEmployee> employees = this.client.employees(TENANT).collectList().block();
		GustoEmployee terminated = employees.stream()
			.filter((e) -> Boolean.TRUE.equals(e.terminated()))
			.findFirst()
			.orElseThrow();

		assertThat(departments).extracting(GustoDepartment::title).contains("Engineering", "Sales", "Customer Success");
		assertThat(departments.stream().mapToInt((d) -> d.employees().size()).sum()).isEqualTo(employees.size());
		assertThat(locations).hasSize(3).allSatisfy((l) -> assertThat(l.street1()).isNotBlank());
		assertThat(this.client.workAddresses(TENANT, terminated.uuid()).collectList().block()).singleElement()
			.satisfies((a) -> assertThat(a.active()).isTrue());
		assertThat(this.client.terminations(TENANT, terminated.uuid()).collectList().block()).singleElement()
			.satisfies((t) -> assertThat(t.effectiveDate()).isNotNull());
		assertThat(this.client.employee(TENANT, terminated.uuid()).block().uuid()).isEqualTo(terminated.uuid());
	}

	@Test
	void aStaleVersionIsReReadAndTheWriteRetried() {
		GustoDepartment department = this.client.departments(TENANT).blockFirst();
		admin("POST", "/_admin/faults", Map.of("endpoint", "PUT /v1/departments/.*", "conflicts", 1));
		admin("DELETE", "/_admin/stats", null);

		GustoDepartment renamed = this.client.renameDepartment(TENANT, department.uuid(), "Platform").block();

		assertThat(renamed.title()).isEqualTo("Platform");
		assertThat(renamed.version()).isNotEqualTo(department.version());
		assertThat(stat("requests")).as("read, stale write, re-read, write").isEqualTo(4);
	}

	@Test
	void otherClientErrorsAreTypedWithGustosCategoryKeyAndMessage() {
		assertThatThrownBy(() -> this.client.employee(TENANT, "no-such-employee").block())
			.isInstanceOfSatisfying(GustoApiException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.category()).isEqualTo("not_found");
				assertThat(ex.errorKey()).isEqualTo("request");
				assertThat(ex.gustoMessage()).isEqualTo("The requested resource was not found.");
				assertThat(ex.getMessage()).contains("tenant demo").contains("GET /v1/employees/no-such-employee");
			});
	}

	@Test
	void serverErrorsAndDroppedConnectionsAreRetried() {
		admin("POST", "/_admin/faults", Map.of("endpoint", "GET /v1/token_info", "server_errors", 2));
		assertThat(this.client.tokenInfo(TENANT).block().companyUuid()).isEqualTo(COMPANY);
		admin("DELETE", "/_admin/faults", null);
		admin("POST", "/_admin/faults", Map.of("endpoint", "GET /v1/token_info", "drop_connections", 1));
		assertThat(this.client.tokenInfo(TENANT).block().companyUuid()).isEqualTo(COMPANY);
		admin("DELETE", "/_admin/faults", null);
		admin("POST", "/_admin/faults", Map.of("endpoint", "GET /v1/companies/.*/departments", "rate_limit_burst", 2));
		admin("DELETE", "/_admin/stats", null);

		assertThat(this.client.departments(TENANT).collectList().block()).isNotEmpty();
		assertThat(stat("rate_limited")).isEqualTo(2);
		assertThat(stat("requests")).isEqualTo(3);
	}

	@Test
	void aBurstOfAThousandRequestsCausesNoRateLimitAnswer() {
		admin("DELETE", "/_admin/stats", null);

		Long answered = Flux.range(0, 1_000).flatMap((i) -> this.client.tokenInfo(TENANT), 64).count().block();

		assertThat(answered).isEqualTo(1_000);
		assertThat(stat("requests")).isEqualTo(1_000);
		assertThat(stat("rate_limited")).isZero();
	}

	@Test
	void catchesUpOnEventsWithTheSystemToken() {
		admin("POST", "/_admin/payrolls/process", Map.of());
		admin("POST", "/_admin/employees", Map.of("first_name", "New", "last_name", "Hire"));

		List<GustoEvent> events = this.client.events(TENANT, null).collectList().block();

		Set<String> types = new HashSet<>();
		events.forEach((e) -> types.add(e.eventType()));
		assertThat(types).contains("payroll.processed", "employee.created");
		assertThat(events).allSatisfy((e) -> assertThat(e.resourceUuid()).isEqualTo(COMPANY));
		String last = events.get(events.size() - 1).uuid();
		assertThat(this.client.events(TENANT, last).collectList().block()).isEmpty();
		assertThat(stat("system_access_requests")).isLessThanOrEqualTo(1);
	}

	private static BigDecimal sum(java.util.stream.Stream<BigDecimal> values) {
		return values.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal total(List<GustoEmployeeCompensation> compensations,
			Function<GustoEmployeeCompensation, BigDecimal> amount) {
		return sum(compensations.stream().map(amount));
	}

}
