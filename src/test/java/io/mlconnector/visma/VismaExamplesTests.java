package io.mlconnector.visma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The reference examples (src/test/resources/visma/examples) against the connector's own
 * records: reads parse, and the write bodies the connector builds are the examples'
 * bodies.
 */
class VismaExamplesTests {

	static final Path EXAMPLES = Path.of("src/test/resources/visma/examples");

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void theEmployeeExampleReadsIntoTheEmployeeRecord() throws IOException {
		VismaEmployee employee = JSON.readValue(EXAMPLES.resolve("employee.response.json").toFile(),
				VismaEmployee.class);
		assertThat(employee.employeeNumber()).isEqualTo("E1001");
		assertThat(employee.employeeId()).isEqualTo(123);
		assertThat(employee.status()).isEqualTo(VismaEmployeeStatus.ACTIVE);
		assertThat(employee.department()).isEqualTo("SALES");
		assertThat(employee.branchNumber()).isEqualTo("1");
		assertThat(employee.employeeClassId()).isEqualTo("EMPSTD");
		assertThat(employee.calendarId()).isEqualTo("STANDARD");
		assertThat(employee.contact().email()).isEqualTo("kari.nordmann@example.com");
		assertThat(employee.address().country().id()).isEqualTo("NO");
		assertThat(employee.timeStamp()).isEqualTo("AAAAAE0YIiI=");
		assertThat(employee.lastModifiedDateTime()).hasToString("2026-01-15T10:20:30.123");
		assertThat(employee.metadata().maxPageSize()).isEqualTo(100);
	}

	@Test
	void theCreateBodyTheConnectorWritesIsTheCreateExample() throws IOException {
		VismaEmployeeChange change = new VismaEmployeeChange("E1001", VismaEmployeeStatus.ACTIVE, "SALES", "EMPSTD",
				"1", "STANDARD", "Kari", "", "Nordmann", "kari.nordmann@example.com", "+47 22 00 00 00",
				"Karl Johans gate 1", "0154", "Oslo", "NO");
		assertThat((Object) JSON.valueToTree(change.createBody()))
			.isEqualTo(JSON.readTree(EXAMPLES.resolve("employee-create.request.json").toFile()));
	}

	@Test
	void theUpdateBodyTheConnectorWritesIsTheUpdateExampleWithoutTheEmployeeNumber() throws IOException {
		VismaEmployeeChange change = new VismaEmployeeChange(null, VismaEmployeeStatus.INACTIVE, "SUPPORT", "EMPSTD",
				"2", null, "Kari", null, "Nordmann", "kari.nordmann@example.com", null, null, null, null, null);
		assertThat((Object) JSON.valueToTree(change.updateBody()))
			.isEqualTo(JSON.readTree(EXAMPLES.resolve("employee-update.request.json").toFile()));
		assertThat(change.withEmployeeCd("E1001").updateBody()).doesNotContainKey("employeeCd");
	}

	@Test
	void aLeaverKeepsWhatWasReadAndOnlyTheStatusChanges() throws IOException {
		VismaEmployee employee = JSON.readValue(EXAMPLES.resolve("employee.response.json").toFile(),
				VismaEmployee.class);
		Map<String, Object> body = VismaEmployeeChange.withStatus(employee, VismaEmployeeStatus.INACTIVE).updateBody();
		assertThat(body).containsEntry("status", Map.of("value", "Inactive"))
			.containsEntry("department", Map.of("value", "SALES"))
			.containsEntry("branch", Map.of("value", "1"))
			.containsEntry("employeeClass", Map.of("value", "EMPSTD"));
		assertThat(body.get("contact")).isEqualTo(Map.of("firstName", Map.of("value", "Kari"), "middleName",
				Map.of("value", ""), "lastName", Map.of("value", "Nordmann"), "email",
				Map.of("value", "kari.nordmann@example.com"), "phone1", Map.of("value", "+47 22 00 00 00")));
	}

	@Test
	void statusesReadBothEnumsAndWriteTheWriteName() {
		assertThat(VismaEmployeeStatus.of("OnHold")).isEqualTo(VismaEmployeeStatus.ON_HOLD);
		assertThat(VismaEmployeeStatus.of("Hold")).isEqualTo(VismaEmployeeStatus.ON_HOLD);
		assertThat(VismaEmployeeStatus.ON_HOLD.writeName()).isEqualTo("Hold");
		assertThatIllegalArgumentException().isThrownBy(() -> VismaEmployeeStatus.of("Retired"))
			.withMessageContaining("Active, OnHold/Hold");
	}

	@Test
	void theErrorExampleAndABodyThatIsNotJsonAreBothReadable() throws IOException {
		VismaError error = VismaError.parse(Files.readAllBytes(EXAMPLES.resolve("error-ippexception.response.json")),
				JSON);
		assertThat(error.exceptionType()).isEqualTo("IPPException");
		assertThat(error.faultCode()).isEqualTo("12027");
		assertThat(error.messageId()).isEqualTo("12027_6e2a06a8-76d8-4e9a-bce8-a5818d60a388");
		assertThat(error.details()).isNull();
		assertThat(error.summary()).isEqualTo("IPPException 12027: No license for this company.");
		VismaError html = VismaError.parse("<html>Bad gateway</html>".getBytes(), JSON);
		assertThat(html.exceptionType()).isNull();
		assertThat(html.summary()).isEqualTo("body: <html>Bad gateway</html>");
	}

	@Test
	void idsWithReservedCharactersAreAddressedAsBase64UrlAsTheKnowledgeBaseShows() {
		assertThat(VismaClient.id("E1001")).isEqualTo("E1001");
		assertThat(VismaClient.id(":/?#[]@&*+;")).isEqualTo("b64(Oi8_I1tdQCYqKzs)");
	}

	@Test
	void aCappedPageLeadsToTheNextPageAtTheServersSize() {
		List<VismaEmployee> hundred = java.util.Collections.nCopies(100,
				employee(new VismaEmployee.Metadata(250L, 100L)));
		VismaClient.Page first = VismaClient.Page.of(1, 1000, hundred);
		assertThat(first.effectiveSize()).isEqualTo(100);
		assertThat(first.hasNext()).isTrue();
		VismaClient.Page last = VismaClient.Page.of(3, 100, hundred.subList(0, 50));
		assertThat(last.hasNext()).isFalse();
		// exactly full: the total says it is the last
		VismaClient.Page full = VismaClient.Page.of(3, 100,
				java.util.Collections.nCopies(100, employee(new VismaEmployee.Metadata(300L, 100L))));
		assertThat(full.hasNext()).isFalse();
	}

	private static VismaEmployee employee(VismaEmployee.Metadata metadata) {
		return new VismaEmployee(null, 1, "E1", null, VismaEmployeeStatus.ACTIVE, null, null, null, null, null, null,
				null, "AAAA", metadata);
	}

}
