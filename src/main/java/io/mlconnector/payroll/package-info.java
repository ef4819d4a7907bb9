/**
 * Payroll posting jobs: each processed Gusto payroll becomes balanced IFS Cloud GL
 * vouchers.
 */
package io.mlconnector.payroll;
