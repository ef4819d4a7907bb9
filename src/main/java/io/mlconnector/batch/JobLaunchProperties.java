package io.mlconnector.batch;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many jobs this instance runs at once.
 *
 * @param maxConcurrentJobs the most job executions running at a time on this instance;
 * capped at (database connection pool size - 1) / 2, since a running step holds a
 * connection for its transaction and another for the job repository
 */
@ConfigurationProperties("mlc.batch")
@Validated
public record JobLaunchProperties(@DefaultValue("8") @Min(value = 1,
		message = "mlc.batch.max-concurrent-jobs must be at least 1") int maxConcurrentJobs) {

}
