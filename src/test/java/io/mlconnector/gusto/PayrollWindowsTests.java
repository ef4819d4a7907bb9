package io.mlconnector.gusto;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PayrollWindowsTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@Test
	void aRangeOfTwoAndAHalfYearsBecomesThreeConsecutiveWindowsOfAtMostAYear() {
		List<LocalDate[]> windows = PayrollWindows.split(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 6, 30), TODAY);

		assertThat(windows).hasSize(3);
		assertThat(windows.get(0)).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
		assertThat(windows.get(1)).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
		assertThat(windows.get(2)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
	}

	@Test
	void aSingleDayIsOneWindow() {
		assertThat(PayrollWindows.split(TODAY, TODAY, TODAY)).singleElement()
			.satisfies((window) -> assertThat(window).containsExactly(TODAY, TODAY));
	}

	@Test
	void anEndMoreThanThreeMonthsAheadOrBeforeTheStartIsRefusedWithWhatToChange() {
		assertThatIllegalArgumentException().isThrownBy(() -> PayrollWindows.split(TODAY, TODAY.plusMonths(4), TODAY))
			.withMessageContaining("at most 3 months ahead");
		assertThatIllegalArgumentException().isThrownBy(() -> PayrollWindows.split(TODAY, TODAY.minusDays(1), TODAY))
			.withMessageContaining("start on or before its end");
	}

}
