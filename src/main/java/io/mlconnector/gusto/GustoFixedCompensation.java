package io.mlconnector.gusto;

import java.math.BigDecimal;

/**
 * A fixed compensation of one employee in a payroll (bonus, commission, tips, one-time
 * reimbursement).
 *
 * @param name the compensation type
 * @param amount amount, scale 2
 * @param jobUuid the job it belongs to
 */
public record GustoFixedCompensation(String name, BigDecimal amount, String jobUuid) {

}
