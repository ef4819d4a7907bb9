package io.mlconnector.gusto;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Date windows for the payroll list: Gusto refuses a {@code start_date}/{@code end_date}
 * span over one year and an {@code end_date} more than 3 months ahead [SPEC
 * get-v1-companies-company_id-payrolls].
 */
final class PayrollWindows {

	private PayrollWindows() {
	}

	/**
	 * Splits a range into consecutive windows of at most one year.
	 * @param from first day
	 * @param to last day
	 * @param today today
	 * @return {@code [start, end]} pairs covering the range
	 * @throws IllegalArgumentException if the range is empty or ends too far ahead
	 */
	static List<LocalDate[]> split(LocalDate from, LocalDate to, LocalDate today) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException(
					"a payroll date range needs a start on or before its end, was " + from + " to " + to);
		}
		if (to.isAfter(today.plusMonths(3))) {
			throw new IllegalArgumentException("Gusto lists payrolls at most 3 months ahead: end " + to + " is after "
					+ today.plusMonths(3) + "; choose an earlier end date");
		}
		List<LocalDate[]> windows = new ArrayList<>();
		LocalDate start = from;
		while (!start.isAfter(to)) {
			LocalDate end = start.plusYears(1).minusDays(1);
			if (end.isAfter(to)) {
				end = to;
			}
			windows.add(new LocalDate[] { start, end });
			start = end.plusDays(1);
		}
		return windows;
	}

}
