package io.mlconnector.payroll;

import java.time.LocalDate;
import java.util.List;

import io.mlconnector.gusto.GustoPayroll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PayrollPlanTaskletTests {

	private static final PostingKey KEY = new PostingKey("acme", PayrollFixtures.PAYROLL, PostingKind.ACCRUAL, false);

	@Test
	void aPayrollGustoReturnsWithoutItsTotalsIsRefusedBecauseNothingCouldBeCheckedAgainstThem() {
		GustoPayroll withoutTotals = payroll(true);
		assertThatExceptionOfType(PostingRejectedException.class)
			.isThrownBy(() -> PayrollPlanTasklet.processed(KEY, withoutTotals))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.problems())
				.singleElement()
				.asString()
				.contains("without its totals", "nothing is posted"));
	}

	@Test
	void aPayrollThatIsNotProcessedInGustoIsRefused() {
		assertThatExceptionOfType(PostingRejectedException.class)
			.isThrownBy(() -> PayrollPlanTasklet.processed(KEY, payroll(false)))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.problems())
				.singleElement()
				.asString()
				.contains("is not processed in Gusto (not yet processed, or cancelled)"));
	}

	private static GustoPayroll payroll(boolean processed) {
		return new GustoPayroll(PayrollFixtures.PAYROLL, PayrollFixtures.PAYROLL, "company", null,
				LocalDate.of(2026, 11, 27), processed, null, null, false, null, false, null, null, List.of(), List.of(),
				List.of(), List.of(), null);
	}

}
