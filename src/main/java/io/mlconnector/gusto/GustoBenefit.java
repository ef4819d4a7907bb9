package io.mlconnector.gusto;

import java.math.BigDecimal;

/**
 * A benefit of one employee in a payroll ({@code include=benefits}).
 *
 * @param name the benefit
 * @param employeeDeduction what the employee pays, scale 2
 * @param companyContribution what the company contributes, scale 2
 * @param imputed whether it is imputed income
 */
public record GustoBenefit(String name, BigDecimal employeeDeduction, BigDecimal companyContribution, Boolean imputed) {

}
