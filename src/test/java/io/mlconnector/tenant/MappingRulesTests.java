package io.mlconnector.tenant;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class MappingRulesTests {

	@Test
	void theAccountingYearIsTheCalendarYearUnlessTheFiscalYearStartsLater() {
		MappingRules calendar = rules(Map.of());
		assertThat(calendar.payroll().accountingYear(LocalDate.of(2026, 12, 31))).isEqualTo(2026);
		assertThat(calendar.payroll().accountingYear(LocalDate.of(2027, 1, 1))).isEqualTo(2027);
	}

	@Test
	void aFiscalYearFromJulyIsNamedByTheYearInWhichItEnds() {
		MappingRules july = rules(Map.of("mapping.fiscal-year-start-month", "7"));
		assertThat(july.payroll().accountingYear(LocalDate.of(2026, 6, 30))).isEqualTo(2026);
		assertThat(july.payroll().accountingYear(LocalDate.of(2026, 7, 1))).isEqualTo(2027);
		assertThat(july.payroll().accountingYear(LocalDate.of(2026, 12, 11))).isEqualTo(2027);
	}

	@Test
	void referencesAreCheckedAgainstTheDocumentedWidthAndClosedPeriodsMoveReversalsByDefault() {
		MappingRules defaults = rules(Map.of());
		assertThat(defaults.payroll().voucherReferenceMaxLength()).isEqualTo(72);
		assertThat(defaults.payroll().reversalInClosedPeriod()).isEqualTo(PayrollMapping.ClosedPeriod.FIRST_OPEN_DAY);
		// the longest reference: GUSTO:<36-character
		// uuid>:<ACCRUAL|PAYMENT|REVERSAL>:<company of 20>
		assertThat(("GUSTO:" + "x".repeat(36) + ":REVERSAL:" + "c".repeat(20)).length())
			.isLessThanOrEqualTo(defaults.payroll().voucherReferenceMaxLength());
	}

	private static MappingRules rules(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("mapping", MappingRules.class);
	}

}
