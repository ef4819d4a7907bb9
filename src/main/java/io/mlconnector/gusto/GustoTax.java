package io.mlconnector.gusto;

import java.math.BigDecimal;

/**
 * A tax line: per employee ({@code taxes}), per payroll ({@code payroll_taxes}) or
 * company-level ({@code company_taxes}). The amount is a number in the schema and a
 * string in some official examples; both parse.
 *
 * @param name tax name
 * @param employer whether the employer pays it
 * @param amount amount, scale 2
 */
public record GustoTax(String name, Boolean employer, BigDecimal amount) {

}
