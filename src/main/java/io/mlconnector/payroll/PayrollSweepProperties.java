package io.mlconnector.payroll;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The daily payroll sweep.
 *
 * @param cron when the sweep runs (Spring cron, the server's time zone); read by the
 * schedule's {@code @Scheduled} annotation
 * @param days how many days back from today the sweep's check-date window reaches
 */
@ConfigurationProperties("mlc.payroll.sweep")
@Validated
record PayrollSweepProperties(@DefaultValue("0 30 6 * * *") String cron,
		@DefaultValue("31") @Min(value = 1, message = "mlc.payroll.sweep.days must be at least 1") int days) {

}
