package io.mlconnector.gusto;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A job's compensation [SPEC {@code Compensation}].
 *
 * @param uuid the compensation
 * @param version optimistic lock
 * @param jobUuid the job
 * @param employeeUuid the employee
 * @param rate the rate, scale 2
 * @param paymentUnit {@code Hour}, {@code Week}, {@code Month}, {@code Year} or
 * {@code Paycheck}
 * @param flsaStatus FLSA status ({@code Exempt}, {@code Nonexempt}, ...)
 * @param effectiveDate from when it applies
 */
public record GustoCompensation(String uuid, String version, String jobUuid, String employeeUuid, BigDecimal rate,
		String paymentUnit, String flsaStatus, LocalDate effectiveDate) {

}
