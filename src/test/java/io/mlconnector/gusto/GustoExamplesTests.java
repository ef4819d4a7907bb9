package io.mlconnector.gusto;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every official example (src/test/resources/gusto/examples, copied unchanged from
 * Gusto's OpenAPI file and docs) parses into the connector's records.
 */
class GustoExamplesTests {

	static final Path EXAMPLES = Path.of("src/test/resources/gusto/examples");

	static final JsonMapper JSON = GustoJson.mapper(JsonMapper.builder().build());

	static final Map<String, Class<?>> TYPES = new LinkedHashMap<>();

	static {
		TYPES.put("company.json", GustoCompany.class);
		TYPES.put("company_access_token_response_embedded.json", GustoTokenResponse.class);
		TYPES.put("compensations.json", GustoCompensation[].class);
		TYPES.put("department.json", GustoDepartment.class);
		TYPES.put("departments.json", GustoDepartment[].class);
		TYPES.put("employee.json", GustoEmployee.class);
		TYPES.put("employees_list.json", GustoEmployee[].class);
		TYPES.put("employees_list_show_employees.json", GustoEmployee[].class);
		TYPES.put("error_404.json", GustoErrors.class);
		TYPES.put("error_406_below_minimum_version.json", GustoErrors.class);
		TYPES.put("error_406_invalid_api_version.json", GustoErrors.class);
		TYPES.put("error_409.json", GustoErrors.class);
		TYPES.put("error_422.json", GustoErrors.class);
		TYPES.put("error_422_nested.json", GustoErrors.class);
		TYPES.put("error_422_payroll_blocker.json", GustoErrors.class);
		TYPES.put("error_500_internal.json", GustoErrors.class);
		TYPES.put("event.json", GustoEvent.class);
		TYPES.put("events_list.json", GustoEvent[].class);
		TYPES.put("general_ledger_report.json", GustoGeneralLedgerReport.class);
		TYPES.put("general_ledger_report_request_response.json", GustoReport.class);
		TYPES.put("jobs.json", GustoJob[].class);
		TYPES.put("location.json", GustoLocation.class);
		TYPES.put("locations.json", GustoLocation[].class);
		TYPES.put("payroll.json", GustoPayroll.class);
		TYPES.put("payroll_show_success_status.json", GustoPayroll.class);
		TYPES.put("payroll_unprocessed.json", GustoPayroll.class);
		TYPES.put("payrolls_list.json", GustoPayroll[].class);
		TYPES.put("payrolls_list_with_totals.json", GustoPayroll[].class);
		TYPES.put("report_status.json", GustoReport.class);
		TYPES.put("termination_examples.json", TerminationExamples.class);
		TYPES.put("terminations.json", GustoTermination[].class);
		TYPES.put("token_info.json", GustoTokenInfo.class);
		TYPES.put("token_response.json", GustoTokenResponse.class);
		TYPES.put("token_response_system_access.json", GustoTokenResponse.class);
		TYPES.put("webhook_event_company_provisioned.json", GustoEvent.class);
		TYPES.put("webhook_event_employee.json", GustoEvent.class);
		TYPES.put("webhook_event_employee_job_compensation.json", GustoEvent.class);
		TYPES.put("webhook_event_location.json", GustoEvent.class);
		TYPES.put("webhook_event_payroll.json", GustoEvent.class);
		TYPES.put("webhook_event_work_address.json", GustoEvent.class);
		TYPES.put("webhook_request_verification_token_response.json", Message.class);
		TYPES.put("webhook_subscription.json", GustoWebhookSubscription.class);
		TYPES.put("webhook_subscription_pending.json", GustoWebhookSubscription.class);
		TYPES.put("webhook_verification_token_post.json", VerificationTokenPost.class);
		TYPES.put("work_address.json", GustoWorkAddress.class);
		TYPES.put("work_addresses.json", GustoWorkAddress[].class);
	}

	static Stream<String> jsonExamples() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.sorted()
				.toList()
				.stream();
		}
	}

	@Test
	void everyExampleFileHasAType() throws IOException {
		assertThat(jsonExamples().toList()).containsExactlyInAnyOrderElementsOf(TYPES.keySet());
	}

	@ParameterizedTest
	@MethodSource("jsonExamples")
	void everyOfficialExampleParsesUnchanged(String file) throws IOException {
		Object parsed = JSON.readValue(Files.readAllBytes(EXAMPLES.resolve(file)), TYPES.get(file));

		assertThat(parsed).isNotNull();
	}

	@Test
	void moneyParsesFromStringsAndNumbersToTheCent() throws IOException {
		GustoPayroll payroll = JSON.readValue(Files.readAllBytes(EXAMPLES.resolve("payroll.json")), GustoPayroll.class);

		GustoEmployeeCompensation first = payroll.employeeCompensations().get(0);
		assertThat(first.grossPay()).isEqualTo(new BigDecimal("2791.25"));
		assertThat(first.taxes().get(0).amount()).isEqualTo(new BigDecimal("646.69"));
		assertThat(payroll.employeeCompensations().get(2).taxes().get(0).amount()).isEqualTo(new BigDecimal("646.69"));
		assertThat(payroll.payrollTaxes())
			.anySatisfy((tax) -> assertThat(tax.amount()).isEqualTo(new BigDecimal("786.00")));
		assertThat(first.hourlyCompensations().get(0).hours()).isEqualTo(new BigDecimal("40.000"));
		assertThat(payroll.totals().companyDebit()).isEqualTo(new BigDecimal("121747.71"));
		assertThat(payroll.id()).isEqualTo("b50e611d-8f3d-4f24-b001-46675f7b5777");
	}

	@Test
	void theNilDateArtefactOfTheSpecReadsAsNull() throws IOException {
		GustoPayroll[] payrolls = JSON.readValue(Files.readAllBytes(EXAMPLES.resolve("payrolls_list_with_totals.json")),
				GustoPayroll[].class);

		assertThat(payrolls[1].processedDate()).isNull();
		assertThat(payrolls[1].calculatedAt()).isNull();
		assertThat(payrolls[0].totals().grossPay()).isNotNull();
	}

	@Test
	void errorsCarryCategoryKeyAndMessageAndTheOtherVersionShapeItsMessage() throws IOException {
		GustoErrors conflict = JSON.readValue(Files.readAllBytes(EXAMPLES.resolve("error_409.json")),
				GustoErrors.class);
		GustoErrors below = JSON.readValue(Files.readAllBytes(EXAMPLES.resolve("error_406_below_minimum_version.json")),
				GustoErrors.class);

		assertThat(conflict.errors()).singleElement().satisfies((error) -> {
			assertThat(error.category()).isEqualTo("invalid_resource_version");
			assertThat(error.errorKey()).isEqualTo("base");
		});
		assertThat(below.errors()).isEmpty();
		assertThat(below.message()).contains("minimum API version");
	}

	@Test
	void aNonNumericAmountIsRefusedWithWhatWasExpected() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> JSON.readValue("{\"gross_pay\":\"lots\"}", GustoEmployeeCompensation.class))
			.hasMessageContaining("expected a decimal amount");
	}

	record TerminationExamples(GustoTermination terminatedEmployee, GustoTermination cancelableTermination) {

	}

	record Message(String message) {

	}

	record VerificationTokenPost(String verificationToken) {

	}

}
