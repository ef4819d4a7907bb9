package io.mlconnector.ifs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ODataLiteralTests {

	@Test
	void stringsAreQuotedWithInnerQuotesDoubled() {
		assertThat(ODataLiteral.format("O'Brien")).isEqualTo("'O''Brien'");
		assertThat(ODataLiteral.format("''")).isEqualTo("''''''");
		assertThat(ODataLiteral.format("")).isEqualTo("''");
	}

	@Test
	void numbersBooleansAndNullAreBare() {
		assertThat(ODataLiteral.format(42L)).isEqualTo("42");
		assertThat(ODataLiteral.format(new BigDecimal("1500.10"))).isEqualTo("1500.10");
		assertThat(ODataLiteral.format(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(ODataLiteral.format(true)).isEqualTo("true");
		assertThat(ODataLiteral.format(null)).isEqualTo("null");
	}

	@Test
	void datesAndDateTimeOffsetsAreUnquotedIso() {
		assertThat(ODataLiteral.format(LocalDate.of(2025, 1, 31))).isEqualTo("2025-01-31");
		assertThat(ODataLiteral.format(Instant.parse("2025-01-31T12:00:00Z"))).isEqualTo("2025-01-31T12:00:00Z");
		assertThat(ODataLiteral.format(Instant.parse("2025-01-31T12:00:00.250Z")))
			.isEqualTo("2025-01-31T12:00:00.250000Z");
		assertThat(ODataLiteral.format(OffsetDateTime.of(2025, 1, 31, 12, 0, 0, 0, ZoneOffset.ofHours(2))))
			.isEqualTo("2025-01-31T12:00:00+02:00");
	}

	@Test
	void aDoubleIsRefusedBecauseMoneyIsBigDecimal() {
		assertThatIllegalArgumentException().isThrownBy(() -> ODataLiteral.format(0.1))
			.withMessageContaining("BigDecimal");
	}

	@Test
	void comparisonsCheckThePropertyAndTheOperator() {
		assertThat(ODataLiteral.compare("InvoiceNo", "eq", "A'B")).isEqualTo("InvoiceNo eq 'A''B'");
		assertThatIllegalArgumentException().isThrownBy(() -> ODataLiteral.compare("x eq 1 or y", "eq", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> ODataLiteral.compare("X", "has", 1));
	}

	@Test
	void compositeKeysAreCommaSeparatedPredicates() {
		assertThat(IfsKey.of("Company", "10", "InvoiceId", 5L).predicate()).isEqualTo("Company='10',InvoiceId=5");
		assertThat(IfsKey.of("PartNo", "A'1", "PartRev", "01").toString()).isEqualTo("(PartNo='A''1',PartRev='01')");
		assertThatIllegalArgumentException().isThrownBy(() -> IfsKey.of("Company", null));
	}

}
