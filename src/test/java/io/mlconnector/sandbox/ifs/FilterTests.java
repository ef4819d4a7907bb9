package io.mlconnector.sandbox.ifs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterTests {

	private final SandboxModel model = new SandboxModel();

	private Row invoice(String number, String amount, String date, String changed) {
		Map<String, Object> values = new HashMap<>();
		values.put("Company", "10");
		values.put("InvoiceId", 1L);
		values.put("InvoiceNo", number);
		values.put("GrossAmount", new BigDecimal(amount));
		values.put("InvoiceDate", LocalDate.parse(date));
		values.put("ChangedDate", Instant.parse(changed));
		values.put("Objstate", "AwaitAuth");
		return new Row(this.model.supplierInvoices, "AAAVxYAAFAAAAAAAAB", Instant.parse(changed), values);
	}

	private boolean matches(String filter, Row row) {
		return Filter.parse(filter, this.model.supplierInvoices.type()).test(row);
	}

	@Test
	void comparisonsWithBooleanOperatorsAndParenthesesEvaluateAsInOData() {
		Row row = invoice("O'Brien", "1500.10", "2025-01-31", "2025-02-01T08:30:00Z");
		assertThat(matches("InvoiceNo eq 'O''Brien'", row)).isTrue();
		assertThat(matches("GrossAmount gt 1500 and GrossAmount le 1500.10", row)).isTrue();
		assertThat(matches("not (Objstate eq 'AwaitAuth') or InvoiceDate lt 2025-01-01", row)).isFalse();
		assertThat(matches("InvoiceDate ge 2025-01-31 and ChangedDate gt 2025-02-01T08:29:59Z", row)).isTrue();
		assertThat(matches("ChangedDate gt 2025-02-01T10:00:00+02:00", row)).isTrue();
		assertThat(matches("InvoiceNo ne null", row)).isTrue();
	}

	@Test
	void stringFunctionsMatchSubstrings() {
		Row row = invoice("INV-100200", "1", "2025-01-31", "2025-02-01T08:30:00Z");
		assertThat(matches("contains(InvoiceNo,'0020')", row)).isTrue();
		assertThat(matches("startswith(InvoiceNo, 'INV-')", row)).isTrue();
		assertThat(matches("endswith(InvoiceNo,'9')", row)).isFalse();
	}

	@Test
	void unsupportedConstructsAre501() {
		for (String filter : new String[] { "tolower(InvoiceNo) eq 'x'", "GrossAmount add 1 gt 2",
				"Lines/any(l:l/Amount gt 1)", "InvoiceDate eq datetime'2025-01-01'" }) {
			assertThatThrownBy(() -> Filter.parse(filter, this.model.supplierInvoices.type()))
				.isInstanceOfSatisfying(SandboxException.class, (ex) -> assertThat(ex.status()).isEqualTo(501));
		}
	}

	@Test
	void malformedFiltersAre400SayingWhatToFix() {
		assertThatThrownBy(() -> Filter.parse("InvoiceDate ge '2025-01-01'", this.model.supplierInvoices.type()))
			.hasMessageContaining("write the literal without quotes, e.g. 2025-01-31");
		assertThatThrownBy(() -> Filter.parse("Company eq 10", this.model.supplierInvoices.type()))
			.hasMessageContaining("must be quoted");
		assertThatThrownBy(() -> Filter.parse("Nope eq 1", this.model.supplierInvoices.type()))
			.hasMessageContaining("Nope is not a property of ManSuppInvoice");
		assertThatThrownBy(() -> Filter.parse("(InvoiceNo eq 'x'", this.model.supplierInvoices.type()))
			.isInstanceOfSatisfying(SandboxException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("expected ')'");
			});
	}

}
