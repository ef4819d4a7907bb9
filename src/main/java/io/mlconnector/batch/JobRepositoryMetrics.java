package io.mlconnector.batch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Job executions by status as held in the job repository, shared by every instance:
 * {@code mlc_batch_job_executions{status="FAILED"}} is the number of executions an
 * operator may need to restart. Spring Batch's own timers
 * ({@code spring_batch_job_seconds} and friends) only describe executions that ran in
 * this instance since it started.
 */
class JobRepositoryMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Map<BatchStatus, AtomicLong> counts = new ConcurrentHashMap<>();

	JobRepositoryMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
		for (BatchStatus status : BatchStatus.values()) {
			this.counts.put(status, new AtomicLong());
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.counts.forEach((status, count) -> Gauge.builder("mlc.batch.job.executions", count, AtomicLong::get)
			.description("Job executions in the job repository, by status")
			.tag("status", status.name())
			.register(registry));
	}

	/**
	 * Counts on a schedule rather than on every scrape, so a busy Prometheus never adds
	 * database load.
	 */
	@Scheduled(fixedDelayString = "${mlc.metrics.job-repository-refresh:PT30S}", initialDelay = 0)
	void refresh() {
		List<Map.Entry<String, Long>> rows = this.jdbc
			.sql("SELECT STATUS, COUNT(*) FROM BATCH_JOB_EXECUTION GROUP BY STATUS")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list();
		this.counts.values().forEach((count) -> count.set(0));
		rows.forEach((row) -> this.counts.get(BatchStatus.valueOf(row.getKey())).set(row.getValue()));
	}

}
