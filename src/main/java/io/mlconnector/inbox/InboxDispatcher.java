package io.mlconnector.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns stored events into work. Due events are claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} under a lease (owner, until), so several
 * instances dispatch side by side and an event whose worker died is claimed again once
 * its lease expired. Within one entity, events are dispatched in the sender's order; an
 * event waits while an earlier event of its entity is pending (RECEIVED, PROCESSING,
 * RUNNING or FAILED), so, for example, a payroll's reversal never overtakes its accrual's
 * job.
 * <p>
 * An event whose route launched (or found running) a job execution is RUNNING, without a
 * lease, until that execution ends; each cycle first settles RUNNING events whose
 * execution ended: COMPLETED makes the event DONE; FAILED, STOPPED or UNKNOWN make it
 * FAILED with the job's failure and the usual backoff (the next attempt dispatches it
 * again, which restarts the job instance), or DEAD after the configured attempts;
 * ABANDONED (by an operator) makes it IGNORED. An execution whose instance died is marked
 * FAILED by the batch recovery, and its event then proceeds as FAILED.
 */
class InboxDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(InboxDispatcher.class);

	private static final String PENDING = "('RECEIVED', 'PROCESSING', 'RUNNING', 'FAILED')";

	private static final int MAX_REASON = 1000;

	private static final int MAX_ERROR = 4000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final InboxProperties.Dispatcher properties;

	private final List<InboxRoute> routes;

	private final String owner;

	private final Timer lag;

	InboxDispatcher(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			InboxProperties.Dispatcher properties, List<InboxRoute> routes, String owner, MeterRegistry meterRegistry) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
		this.routes = List.copyOf(routes);
		this.owner = owner;
		this.lag = Timer.builder("mlc.inbox.dispatch.lag")
			.description("Time from receiving an event to claiming it for dispatch")
			.publishPercentileHistogram()
			.register(meterRegistry);
	}

	/**
	 * Settles RUNNING events whose job ended, then claims and dispatches due events until
	 * none is left.
	 * @return the number of events claimed and dispatched (settled ones not counted)
	 */
	int dispatchDue() {
		settleRunning();
		int handled = 0;
		List<InboxEvent> claimed;
		do {
			claimed = claim();
			claimed.forEach(this::handle);
			handled += claimed.size();
		}
		while (claimed.size() == this.properties.batchSize());
		return handled;
	}

	List<InboxEvent> claim() {
		if (this.routes.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("now", utc(now));
		parameters.put("limit", this.properties.batchSize());
		String routed = routedCondition(parameters);
		List<InboxEvent> claimed = this.transactions.execute((status) -> {
			List<Long> ids = this.jdbc.sql("SELECT e.id FROM inbox_event e WHERE ("
					+ "(e.status IN ('RECEIVED', 'FAILED') AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= :now)) "
					+ "OR (e.status = 'PROCESSING' AND e.lease_until < :now)) AND " + routed.replace("{t}", "e")
					+ " AND (e.entity_id IS NULL OR NOT EXISTS (SELECT 1 FROM inbox_event p WHERE p.tenant = e.tenant "
					+ "AND p.source = e.source AND p.entity_type = e.entity_type AND p.entity_id = e.entity_id "
					+ "AND p.status IN " + PENDING + " AND " + routed.replace("{t}", "p")
					+ " AND (p.occurred_at < e.occurred_at OR (p.occurred_at = e.occurred_at AND p.id < e.id)))) "
					+ "ORDER BY e.id LIMIT :limit FOR UPDATE SKIP LOCKED")
				.params(parameters)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return List.of();
			}
			this.jdbc
				.sql("UPDATE inbox_event SET status = 'PROCESSING', lease_owner = :owner, lease_until = :until, "
						+ "attempts = attempts + 1, updated_at = :now WHERE id IN (:ids)")
				.param("owner", this.owner)
				.param("until", utc(now.plus(this.properties.lease())))
				.param("now", utc(now))
				.param("ids", ids)
				.update();
			return this.jdbc.sql("SELECT * FROM inbox_event WHERE id IN (:ids) ORDER BY id")
				.param("ids", ids)
				.query(this::event)
				.list();
		});
		claimed.forEach((event) -> this.lag.record(Duration.between(event.receivedAt(), now)));
		return claimed;
	}

	private String routedCondition(Map<String, Object> parameters) {
		StringJoiner condition = new StringJoiner(" OR ", "(", ")");
		for (int i = 0; i < this.routes.size(); i++) {
			InboxRoute route = this.routes.get(i);
			parameters.put("source" + i, route.source().name());
			parameters.put("types" + i, List.copyOf(route.eventTypes()));
			condition.add("({t}.source = :source" + i + " AND {t}.event_type IN (:types" + i + "))");
		}
		return condition.toString();
	}

	private void handle(InboxEvent event) {
		InboxRoute route = route(event);
		try {
			Optional<String> supersededBy = route.coalesce() ? laterEventOfSameEntity(event, route) : Optional.empty();
			if (supersededBy.isPresent()) {
				finish(event, InboxStatus.DONE, null, "redundant: superseded by event " + supersededBy.get(), null);
				return;
			}
			InboxRoute.Dispatched dispatched = route.dispatch(event);
			InboxStatus status = (dispatched.jobExecutionId() != null) ? InboxStatus.RUNNING : InboxStatus.DONE;
			finish(event, status, dispatched.jobExecutionId(), dispatched.note(), null);
		}
		catch (Exception ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (event.attempt() >= this.properties.maxAttempts()) {
				logger.warn("Inbox event {} ({} {}) is DEAD after {} attempts: {}", event.id(), event.source(),
						event.eventType(), event.attempt(), error);
				finish(event, InboxStatus.DEAD, null, null, error);
			}
			else {
				logger.info("Inbox event {} ({} {}) failed attempt {}, retrying later: {}", event.id(), event.source(),
						event.eventType(), event.attempt(), error);
				finish(event, InboxStatus.FAILED, null, null, error);
			}
		}
	}

	/**
	 * Moves RUNNING events whose job execution ended to the status that outcome means.
	 * Safe on several instances at once: each update applies only to a row still RUNNING
	 * for the same execution.
	 * @return the number of events settled
	 */
	int settleRunning() {
		int settled = 0;
		List<Waiting> ended;
		do {
			ended = this.jdbc
				.sql("SELECT e.id, e.source, e.event_type, e.attempts, e.job_execution_id, e.status_reason, "
						+ "x.JOB_EXECUTION_ID AS found, x.STATUS, x.EXIT_CODE, x.EXIT_MESSAGE, i.JOB_NAME, "
						+ "(SELECT s.EXIT_MESSAGE FROM BATCH_STEP_EXECUTION s WHERE s.JOB_EXECUTION_ID = x.JOB_EXECUTION_ID "
						+ "AND s.STATUS <> 'COMPLETED' AND s.EXIT_MESSAGE <> '' ORDER BY s.STEP_EXECUTION_ID DESC LIMIT 1) AS STEP_DESCRIPTION "
						+ "FROM inbox_event e LEFT JOIN BATCH_JOB_EXECUTION x ON x.JOB_EXECUTION_ID = e.job_execution_id "
						+ "LEFT JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID "
						+ "WHERE e.status = 'RUNNING' AND (x.JOB_EXECUTION_ID IS NULL OR x.STATUS NOT IN ('STARTING', 'STARTED', 'STOPPING')) "
						+ "ORDER BY e.id LIMIT :limit")
				.param("limit", this.properties.batchSize())
				.query((rs, row) -> new Waiting(rs.getLong("id"), InboxSource.valueOf(rs.getString("source")),
						rs.getString("event_type"), rs.getInt("attempts"), rs.getLong("job_execution_id"),
						rs.getString("status_reason"), rs.getObject("found") != null, rs.getString("STATUS"),
						rs.getString("EXIT_CODE"), rs.getString("EXIT_MESSAGE"), rs.getString("JOB_NAME"),
						rs.getString("STEP_DESCRIPTION")))
				.list();
			for (Waiting waiting : ended) {
				if (settle(waiting)) {
					settled++;
				}
			}
		}
		while (ended.size() == this.properties.batchSize());
		return settled;
	}

	private boolean settle(Waiting waiting) {
		Instant now = this.clock.instant();
		String execution = "execution " + waiting.jobExecutionId()
				+ ((waiting.jobName() != null) ? " of " + waiting.jobName() : "");
		InboxStatus status;
		String reason = null;
		String error = null;
		LocalDateTime next = null;
		if ("COMPLETED".equals(waiting.status())) {
			status = InboxStatus.DONE;
			String description = firstLine(waiting.exitDescription());
			reason = join(waiting.statusReason(),
					execution + " COMPLETED" + ((description != null) ? ": " + description : ""));
		}
		else if ("ABANDONED".equals(waiting.status())) {
			status = InboxStatus.IGNORED;
			reason = join(waiting.statusReason(), execution + " was ABANDONED by an operator, "
					+ "so its job instance never runs again; the event is not dispatched again");
		}
		else {
			if (!waiting.found()) {
				error = execution + " is not in the job repository (any more)";
			}
			else {
				String description = firstLine(waiting.exitDescription());
				if (description == null) {
					description = firstLine(waiting.stepDescription());
				}
				error = execution + " ended " + waiting.status() + " (exit code " + waiting.exitCode() + ")"
						+ ((description != null) ? ": " + description : "");
			}
			if (waiting.attempts() >= this.properties.maxAttempts()) {
				status = InboxStatus.DEAD;
				logger.warn("Inbox event {} ({} {}) is DEAD after {} attempts: {}", waiting.id(), waiting.source(),
						waiting.eventType(), waiting.attempts(), error);
			}
			else {
				status = InboxStatus.FAILED;
				next = utc(now.plus(backoff(waiting.attempts())));
				logger.info("Inbox event {} ({} {}) failed attempt {}, retrying later: {}", waiting.id(),
						waiting.source(), waiting.eventType(), waiting.attempts(), error);
			}
		}
		return this.jdbc
			.sql("UPDATE inbox_event SET status = :status, status_reason = COALESCE(:reason, status_reason), "
					+ "last_error = :error, next_attempt_at = :next, updated_at = :now "
					+ "WHERE id = :id AND status = 'RUNNING' AND job_execution_id = :job")
			.param("status", status.name())
			.param("reason", truncate(reason, MAX_REASON))
			.param("error", truncate(error, MAX_ERROR))
			.param("next", next)
			.param("now", utc(now))
			.param("id", waiting.id())
			.param("job", waiting.jobExecutionId())
			.update() > 0;
	}

	/**
	 * A RUNNING event whose job execution ended (or vanished).
	 */
	private record Waiting(long id, InboxSource source, String eventType, int attempts, long jobExecutionId,
			String statusReason, boolean found, String status, String exitCode, String exitDescription, String jobName,
			String stepDescription) {

	}

	/**
	 * The first line of an exit description (Spring Batch stores the failure's stack
	 * trace), with the exception's package left out.
	 */
	private static String firstLine(String description) {
		if (description == null || description.isBlank()) {
			return null;
		}
		String line = description.strip().lines().findFirst().orElse(description);
		return line.replaceFirst("^[\\w.$]*\\.(\\w+(Exception|Error)):", "$1:");
	}

	private static String join(String previous, String addition) {
		return (previous == null || previous.isBlank()) ? addition : previous + "; " + addition;
	}

	private static String truncate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

	private Optional<String> laterEventOfSameEntity(InboxEvent event, InboxRoute route) {
		if (event.entityId() == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT event_uuid FROM inbox_event WHERE tenant = :tenant AND source = :source "
				+ "AND entity_type = :entityType AND entity_id = :entityId AND event_type IN (:types) "
				+ "AND status IN ('RECEIVED', 'FAILED') AND (occurred_at > :occurredAt OR (occurred_at = :occurredAt AND id > :id)) "
				+ "ORDER BY occurred_at DESC, id DESC LIMIT 1")
			.param("tenant", event.tenant())
			.param("source", event.source().name())
			.param("entityType", event.entityType())
			.param("entityId", event.entityId())
			.param("types", List.copyOf(route.eventTypes()))
			.param("occurredAt", utc(event.occurredAt()))
			.param("id", event.id())
			.query(String.class)
			.optional();
	}

	private void finish(InboxEvent event, InboxStatus status, Long jobExecutionId, String reason, String error) {
		Instant now = this.clock.instant();
		LocalDateTime nextAttempt = (status == InboxStatus.FAILED) ? utc(now.plus(backoff(event.attempt()))) : null;
		int updated = this.jdbc
			.sql("UPDATE inbox_event SET status = :status, job_execution_id = COALESCE(:job, job_execution_id), "
					+ "status_reason = COALESCE(:reason, status_reason), last_error = :error, next_attempt_at = :next, "
					+ "lease_owner = NULL, lease_until = NULL, updated_at = :now WHERE id = :id AND lease_owner = :owner")
			.param("status", status.name())
			.param("job", jobExecutionId)
			.param("reason", reason)
			.param("error", truncate(error, MAX_ERROR))
			.param("next", nextAttempt)
			.param("now", utc(now))
			.param("id", event.id())
			.param("owner", this.owner)
			.update();
		if (updated == 0) {
			logger.warn("Inbox event {} was claimed by another dispatcher after this one's lease expired; "
					+ "its outcome here ({}) is not recorded", event.id(), status);
		}
	}

	/**
	 * Exponential backoff: the initial delay, doubled per attempt, capped.
	 */
	Duration backoff(int attempt) {
		Duration delay = this.properties.initialBackoff();
		for (int i = 1; i < attempt && delay.compareTo(this.properties.maxBackoff()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : delay;
	}

	private InboxRoute route(InboxEvent event) {
		return this.routes.stream()
			.filter((route) -> route.source() == event.source() && route.eventTypes().contains(event.eventType()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no route for " + event.eventType()));
	}

	private InboxEvent event(ResultSet rs, int row) throws SQLException {
		return new InboxEvent(rs.getLong("id"), InboxSource.valueOf(rs.getString("source")), rs.getString("tenant"),
				rs.getString("event_uuid"), rs.getString("event_type"), rs.getString("entity_type"),
				rs.getString("entity_id"), instant(rs, "occurred_at"), instant(rs, "received_at"),
				rs.getString("payload"), rs.getInt("attempts"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		LocalDateTime value = rs.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	private static LocalDateTime utc(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
