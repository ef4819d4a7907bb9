package io.mlconnector.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.gusto.GustoClient;
import io.mlconnector.gusto.GustoEvent;
import io.mlconnector.gusto.GustoNotConnectedException;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Catches up on Gusto events the webhook missed: pulls {@code GET /v1/events} for each
 * connected tenant from where the last pull stopped (Gusto keeps 30 days) and stores
 * every event in the inbox exactly as a webhook delivery would have, deduplicated by
 * event uuid. The position (the last event uuid) is kept in {@code sync_cursor} and moves
 * only after the events before it are committed, so an interrupted pull resumes without a
 * gap. Runs on one instance at a time.
 */
public class GustoEventCatchUp {

	static final String CURSOR = "gusto:events";

	private static final Logger logger = LoggerFactory.getLogger(GustoEventCatchUp.class);

	private static final int BATCH = 100;

	private final Tenants tenants;

	private final GustoClient gusto;

	private final InboxWriter writer;

	private final JdbcClient jdbc;

	private final Scheduler jdbcScheduler;

	private final JsonMapper json;

	private final Clock clock;

	private final MeterRegistry registry;

	GustoEventCatchUp(Tenants tenants, GustoClient gusto, InboxWriter writer, JdbcClient jdbc, Scheduler jdbcScheduler,
			JsonMapper json, Clock clock, MeterRegistry registry) {
		this.tenants = tenants;
		this.gusto = gusto;
		this.writer = writer;
		this.jdbc = jdbc;
		this.jdbcScheduler = jdbcScheduler;
		this.json = json;
		this.clock = clock;
		this.registry = registry;
	}

	@Scheduled(initialDelayString = "${mlc.inbox.catch-up.initial-delay:1m}",
			fixedDelayString = "${mlc.inbox.catch-up.interval:10m}")
	@SchedulerLock(name = "gusto-event-catch-up", lockAtMostFor = "PT30M")
	void catchUpAll() {
		for (Tenant tenant : this.tenants.all()) {
			if (tenant.enabled() && tenant.gusto().isPresent()) {
				try {
					catchUp(tenant.id()).block(Duration.ofMinutes(15));
				}
				catch (RuntimeException ex) {
					logger.warn("Catching up on Gusto events failed for tenant {}: {}; the next run resumes from "
							+ "the last stored event", tenant.id(), ex.getMessage());
				}
			}
		}
	}

	/**
	 * Pulls one tenant's events since the last pull into the inbox.
	 * @param tenantId the tenant
	 * @return how many events were new and how many the inbox had already
	 */
	public Mono<Result> catchUp(String tenantId) {
		return position(tenantId)
			.flatMap((after) -> this.gusto.events(tenantId, after.orElse(null))
				.buffer(BATCH)
				.concatMap((events) -> Flux.fromIterable(events)
					.flatMapSequential((event) -> this.writer.store(entry(tenantId, event)), 32)
					.collectList()
					.flatMap((results) -> savePosition(tenantId, events.get(events.size() - 1)).thenReturn(results)))
				.flatMapIterable((results) -> results)
				.reduce(new Result(0, 0),
						(result, stored) -> (stored == InboxWriter.StoreResult.STORED)
								? new Result(result.stored() + 1, result.duplicates())
								: new Result(result.stored(), result.duplicates() + 1)))
			.doOnNext((result) -> {
				count(tenantId, "stored", result.stored());
				count(tenantId, "duplicate", result.duplicates());
				if (result.stored() > 0) {
					logger.info("Gusto catch-up for tenant {}: {} event(s) the webhook had not delivered, {} known",
							tenantId, result.stored(), result.duplicates());
				}
			})
			.onErrorResume(GustoNotConnectedException.class, (ex) -> {
				logger.debug("Gusto catch-up skips tenant {}: {}", tenantId, ex.getMessage());
				return Mono.just(new Result(0, 0));
			});
	}

	private InboxEntry entry(String tenantId, GustoEvent event) {
		// the payload a webhook delivery of the same event carries, so routes read both
		// alike
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("uuid", event.uuid());
		payload.put("event_type", event.eventType());
		payload.put("resource_type", event.resourceType());
		payload.put("resource_uuid", event.resourceUuid());
		payload.put("entity_type", event.entityType());
		payload.put("entity_uuid", event.entityUuid());
		payload.put("timestamp", event.timestamp());
		Instant occurred = (event.timestamp() != null) ? Instant.ofEpochSecond(event.timestamp())
				: this.clock.instant();
		return new InboxEntry(InboxSource.GUSTO, tenantId, event.uuid(), event.eventType(), event.entityType(),
				event.entityUuid(), occurred, this.clock.instant(), "application/json",
				this.json.writeValueAsString(payload), InboxStatus.RECEIVED, null);
	}

	private Mono<java.util.Optional<String>> position(String tenantId) {
		return Mono
			.fromCallable(() -> this.jdbc.sql("SELECT position FROM sync_cursor WHERE tenant = ? AND cursor_name = ?")
				.params(tenantId, CURSOR)
				.query(String.class)
				.optional())
			.subscribeOn(this.jdbcScheduler);
	}

	private Mono<Void> savePosition(String tenantId, GustoEvent last) {
		Timestamp watermark = (last.timestamp() != null) ? Timestamp.from(Instant.ofEpochSecond(last.timestamp()))
				: null;
		Timestamp now = Timestamp.from(this.clock.instant());
		return Mono.fromRunnable(() -> this.jdbc
			.sql("INSERT INTO sync_cursor (tenant, cursor_name, watermark, position, version, updated_at) "
					+ "VALUES (?, ?, ?, ?, 0, ?) ON DUPLICATE KEY UPDATE watermark = VALUES(watermark), "
					+ "position = VALUES(position), version = version + 1, updated_at = VALUES(updated_at)")
			.params(tenantId, CURSOR, watermark, last.uuid(), now)
			.update()).subscribeOn(this.jdbcScheduler).then();
	}

	private void count(String tenantId, String outcome, long amount) {
		if (amount > 0) {
			this.registry.counter("mlc.inbox.catch.up.events", "tenant", tenantId, "outcome", outcome)
				.increment(amount);
		}
	}

	/**
	 * What one pull found.
	 *
	 * @param stored events new to the inbox
	 * @param duplicates events the inbox already had
	 */
	public record Result(long stored, long duplicates) {

	}

}
