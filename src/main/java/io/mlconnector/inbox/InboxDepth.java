package io.mlconnector.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Inbox depth by status, {@code mlc_inbox_depth{status}}, counted on a schedule so
 * scrapes never add database load.
 */
class InboxDepth implements MeterBinder {

	private final JdbcClient jdbc;

	private final Map<InboxStatus, AtomicLong> counts = new ConcurrentHashMap<>();

	InboxDepth(JdbcClient jdbc) {
		this.jdbc = jdbc;
		for (InboxStatus status : InboxStatus.values()) {
			this.counts.put(status, new AtomicLong());
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.counts.forEach((status, count) -> Gauge.builder("mlc.inbox.depth", count, AtomicLong::get)
			.description("Inbox events by status")
			.tag("status", status.name())
			.register(registry));
	}

	@Scheduled(fixedDelayString = "${mlc.metrics.inbox-depth-refresh:PT15S}", initialDelay = 0)
	void refresh() {
		Map<String, Long> rows = new java.util.HashMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM inbox_event GROUP BY status").query((rs) -> {
			rows.put(rs.getString(1), rs.getLong(2));
		});
		this.counts.forEach((status, count) -> count.set(rows.getOrDefault(status.name(), 0L)));
	}

}
