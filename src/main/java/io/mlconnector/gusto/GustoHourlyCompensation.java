package io.mlconnector.gusto;

import java.math.BigDecimal;

/**
 * An hourly compensation (regular, overtime, double overtime) of one employee in a
 * payroll. Hours keep Gusto's three decimals ("40.000"): rounding them to two would lose
 * data.
 *
 * @param name the compensation type
 * @param hours hours worked, scale 3 as sent
 * @param amount amount, scale 2; absent before calculation
 * @param jobUuid the job
 * @param compensationMultiplier 1, 1.5 or 2
 * @param flsaStatus FLSA status of the job
 */
public record GustoHourlyCompensation(String name, BigDecimal hours, BigDecimal amount, String jobUuid,
		BigDecimal compensationMultiplier, String flsaStatus) {

}
