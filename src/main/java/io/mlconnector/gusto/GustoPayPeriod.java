package io.mlconnector.gusto;

import java.time.LocalDate;

/**
 * A payroll's pay period [SPEC {@code Payroll.pay_period}].
 *
 * @param startDate first day
 * @param endDate last day
 * @param payScheduleUuid the pay schedule
 */
public record GustoPayPeriod(LocalDate startDate, LocalDate endDate, String payScheduleUuid) {

}
