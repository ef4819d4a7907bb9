package io.mlconnector.gusto;

import java.math.BigDecimal;

/**
 * A reimbursement of one employee in a payroll.
 *
 * @param uuid the reimbursement
 * @param amount amount, scale 2
 * @param description what it was for
 * @param recurring whether it recurs
 */
public record GustoReimbursement(String uuid, BigDecimal amount, String description, Boolean recurring) {

}
