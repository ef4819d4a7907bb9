package io.mlconnector.gusto;

import java.math.BigDecimal;

/**
 * Paid time off of one employee in a payroll.
 *
 * @param name the policy, for example "Vacation Hours"
 * @param hours hours, scale 3 as sent
 */
public record GustoPaidTimeOff(String name, BigDecimal hours) {

}
