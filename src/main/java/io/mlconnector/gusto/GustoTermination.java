package io.mlconnector.gusto;

import java.time.LocalDate;

/**
 * A termination [SPEC {@code Termination}].
 *
 * @param uuid the termination
 * @param version optimistic lock
 * @param employeeUuid the employee
 * @param active whether it is in effect
 * @param cancelable whether it can still be cancelled
 * @param effectiveDate the last day of work
 * @param runTerminationPayroll whether a termination payroll runs
 */
public record GustoTermination(String uuid, String version, String employeeUuid, Boolean active, Boolean cancelable,
		LocalDate effectiveDate, Boolean runTerminationPayroll) {

}
