package io.mlconnector.people;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The nightly people sweep.
 *
 * @param cron when the sweep runs (Spring cron, the server's time zone); read by the
 * schedule's {@code @Scheduled} annotation
 * @param chunkSize employees synced per transaction (the restart point moves on after
 * each)
 */
@ConfigurationProperties("mlc.people.sweep")
@Validated
record PeopleSweepProperties(@DefaultValue("0 0 2 * * *") String cron,
		@DefaultValue("100") @Min(value = 1, message = "mlc.people.sweep.chunk-size must be at least 1") @Max(
				value = 1000, message = "mlc.people.sweep.chunk-size must be at most 1000") int chunkSize) {

}
