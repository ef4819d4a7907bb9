package io.mlconnector.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores inbox events durably with group commit: requests queue up (bounded), and one
 * writer thread stores whatever is queued in a single transaction, so many concurrent
 * webhooks cost one commit. A request is answered only after its transaction committed.
 * When the queue is full or the commit takes longer than the acknowledgement timeout, the
 * request fails with {@link InboxBusyException} (the sender retries; a later duplicate is
 * recognised by its event uuid).
 */
class InboxWriter implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(InboxWriter.class);

	private static final String COLUMNS = "source, tenant, event_uuid, event_type, entity_type, entity_id, occurred_at, "
			+ "received_at, content_type, payload, status, status_reason, attempts, next_attempt_at, updated_at";

	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final InboxProperties properties;

	private final BlockingQueue<Pending> queue;

	private final DistributionSummary batchSizes;

	private final Counter busy;

	private volatile boolean running;

	private Thread thread;

	InboxWriter(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, InboxProperties properties,
			MeterRegistry meterRegistry) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		this.batchSizes = DistributionSummary.builder("mlc.inbox.write.batch.size")
			.description("Events stored per transaction (group commit)")
			.register(meterRegistry);
		this.busy = Counter.builder("mlc.inbox.write.rejected")
			.description("Events refused with 503 because the database did not keep up")
			.register(meterRegistry);
		Gauge.builder("mlc.inbox.write.queue", this.queue, BlockingQueue::size)
			.description("Events waiting to be stored")
			.register(meterRegistry);
	}

	/**
	 * Stores an event.
	 * @param entry the event
	 * @return whether it was stored or was a duplicate, once committed
	 */
	Mono<StoreResult> store(InboxEntry entry) {
		return Mono.defer(() -> {
			Pending pending = new Pending(entry, new CompletableFuture<>());
			if (!this.running || !this.queue.offer(pending)) {
				this.busy.increment();
				return Mono.error(new InboxBusyException("the inbox queue is full", null));
			}
			return Mono.fromFuture(
					pending.result().orTimeout(this.properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS), true);
		}).onErrorMap(TimeoutException.class, (ex) -> {
			this.busy.increment();
			return new InboxBusyException("storing the event took longer than " + this.properties.ackTimeout(), ex);
		});
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(this.properties.maxBatchSize());
		while (this.running || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.properties.maxBatchSize() - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<Pending> batch) {
		try {
			Map<Pending, StoreResult> results = this.transactions.execute((status) -> insert(batch));
			this.batchSizes.record(batch.size());
			batch.forEach((pending) -> pending.result().complete(results.get(pending)));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store {} inbox events; their senders get 503 and retry: {}", batch.size(),
					ex.getMessage());
			batch.forEach((pending) -> pending.result()
				.completeExceptionally(new InboxBusyException("the database refused the events", ex)));
		}
	}

	private Map<Pending, StoreResult> insert(List<Pending> batch) {
		Map<Pending, StoreResult> results = new IdentityHashMap<>();
		Set<String> existing = existingKeys(batch);
		Set<String> seen = new HashSet<>();
		List<Pending> fresh = new ArrayList<>();
		for (Pending pending : batch) {
			String key = key(pending.entry().source(), pending.entry().eventUuid());
			if (existing.contains(key) || !seen.add(key)) {
				results.put(pending, StoreResult.DUPLICATE);
			}
			else {
				results.put(pending, StoreResult.STORED);
				fresh.add(pending);
			}
		}
		if (!fresh.isEmpty()) {
			LocalDateTime now = utc(this.clock.instant());
			List<Object> parameters = new ArrayList<>(fresh.size() * 14);
			for (Pending pending : fresh) {
				InboxEntry entry = pending.entry();
				parameters.add(entry.source().name());
				parameters.add(entry.tenant());
				parameters.add(entry.eventUuid());
				parameters.add(entry.eventType());
				parameters.add(entry.entityType());
				parameters.add(entry.entityId());
				parameters.add(utc(entry.occurredAt()));
				parameters.add(utc(entry.receivedAt()));
				parameters.add(entry.contentType());
				parameters.add(entry.payload());
				parameters.add(entry.status().name());
				parameters.add(entry.statusReason());
				parameters.add((entry.status() == InboxStatus.RECEIVED) ? now : null);
				parameters.add(now);
			}
			String rows = fresh.stream().map((pending) -> ROW).collect(Collectors.joining(", "));
			// a concurrent instance may have stored the same event since the check above
			this.jdbc
				.sql("INSERT INTO inbox_event (" + COLUMNS + ") VALUES " + rows + " ON DUPLICATE KEY UPDATE id = id")
				.params(parameters)
				.update();
		}
		return results;
	}

	private Set<String> existingKeys(List<Pending> batch) {
		Set<String> existing = new HashSet<>();
		Map<InboxSource, List<String>> uuidsBySource = batch.stream()
			.map(Pending::entry)
			.collect(Collectors.groupingBy(InboxEntry::source,
					Collectors.mapping(InboxEntry::eventUuid, Collectors.toList())));
		uuidsBySource.forEach((source, uuids) -> this.jdbc
			.sql("SELECT event_uuid FROM inbox_event WHERE source = :source AND event_uuid IN (:uuids)")
			.param("source", source.name())
			.param("uuids", uuids)
			.query(String.class)
			.list()
			.forEach((uuid) -> existing.add(key(source, uuid))));
		return existing;
	}

	private static String key(InboxSource source, String uuid) {
		return source.name() + ":" + uuid;
	}

	private static LocalDateTime utc(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::run, "inbox-writer");
		this.thread.setDaemon(false);
		this.thread.start();
	}

	@Override
	public void stop() {
		// stop taking new events, store what is queued, then let the thread end
		this.running = false;
		try {
			this.thread.join(this.properties.ackTimeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// below the web server's phases: started before it, stopped after it stopped
		// taking
		// requests, so every acknowledged event is stored
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * Whether an event was new.
	 */
	enum StoreResult {

		/** Stored now. */
		STORED,

		/** Stored before (same source and event uuid); not stored again. */
		DUPLICATE

	}

	private record Pending(InboxEntry entry, CompletableFuture<StoreResult> result) {

	}

}
