package io.mlconnector.people;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code people_headcount}: per tenant and system, how many people the last people sweep
 * counted employed: Gusto's employees not terminated, IFS's Active resources with a Gusto
 * reference, Visma's Active employees numbered by the sync. Shown as the gauge
 * {@code mlc_people_headcount{tenant,system}}, read from the table on a schedule so
 * scrapes add no load to MariaDB or to the systems, and the same on every instance.
 */
public final class PeopleHeadcounts implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<List<String>, AtomicLong> gauges = new ConcurrentHashMap<>();

	private volatile MeterRegistry registry;

	PeopleHeadcounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a system's headcount.
	 * @param tenant the tenant
	 * @param system {@code gusto}, {@code ifs} or {@code visma}
	 * @param headcount the count
	 * @param executionId the sweep's execution
	 */
	void record(String tenant, String system, long headcount, long executionId) {
		this.jdbc.sql("""
				INSERT INTO people_headcount (tenant, system_name, headcount, counted_at, job_execution_id)
				VALUES (?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE headcount = VALUES(headcount), counted_at = VALUES(counted_at),
					job_execution_id = VALUES(job_execution_id)
				""")
			.params(tenant, system, headcount, LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC),
					executionId)
			.update();
		gauge(tenant, system).set(headcount);
	}

	/**
	 * The headcounts of every tenant, or of one.
	 * @param tenant the tenant, or {@code null} for all
	 * @return the headcounts, by tenant and system
	 */
	public List<Headcount> all(String tenant) {
		return this.jdbc
			.sql("SELECT * FROM people_headcount WHERE (:tenant IS NULL OR tenant = :tenant) "
					+ "ORDER BY tenant, system_name")
			.param("tenant", tenant)
			.query((rs, row) -> new Headcount(rs.getString("tenant"), rs.getString("system_name"),
					rs.getLong("headcount"), rs.getObject("counted_at", LocalDateTime.class),
					rs.getObject("job_execution_id", Long.class)))
			.list();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.gauges.forEach((key, value) -> register(registry, key.get(0), key.get(1), value));
	}

	@Scheduled(fixedDelayString = "${mlc.metrics.people-headcount-refresh:PT1M}", initialDelay = 0)
	void refresh() {
		for (Headcount headcount : all(null)) {
			gauge(headcount.tenant(), headcount.system()).set(headcount.headcount());
		}
	}

	private AtomicLong gauge(String tenant, String system) {
		return this.gauges.computeIfAbsent(List.of(tenant, system), (key) -> {
			AtomicLong value = new AtomicLong();
			MeterRegistry target = this.registry;
			if (target != null) {
				register(target, tenant, system, value);
			}
			return value;
		});
	}

	private static void register(MeterRegistry registry, String tenant, String system, AtomicLong value) {
		Gauge.builder("mlc.people.headcount", value, AtomicLong::get)
			.description("People employed, as the last people sweep counted them in each system")
			.tag("tenant", tenant)
			.tag("system", system)
			.register(registry);
	}

	/**
	 * One system's headcount.
	 *
	 * @param tenant the tenant
	 * @param system {@code gusto}, {@code ifs} or {@code visma}
	 * @param headcount people employed
	 * @param countedAt when (UTC)
	 * @param jobExecutionId the sweep that counted
	 */
	public record Headcount(String tenant, String system, long headcount, LocalDateTime countedAt,
			Long jobExecutionId) {

	}

}
