package io.mlconnector.gusto;

import java.math.BigDecimal;

/**
 * A deduction or garnishment of one employee in a payroll ({@code include=deductions}).
 *
 * @param uuid the deduction
 * @param name its name
 * @param amount amount, scale 2
 * @param amountType {@code fixed} or {@code percent}
 */
public record GustoDeduction(String uuid, String name, BigDecimal amount, String amountType) {

}
