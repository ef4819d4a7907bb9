package io.mlconnector.people;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.mlconnector.gusto.GustoApiException;
import io.mlconnector.ifs.IfsClients;
import io.mlconnector.ifs.IfsException;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.visma.VismaClients;
import io.mlconnector.visma.VismaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The writer of {@code peopleSweepStep}: syncs each employee Gusto lists to IFS and Visma
 * against the snapshot taken when the step starts ({@link PeopleSnapshot}), so only drift
 * is written. An employee that cannot be synced (a missing mapping, a refusal, a record
 * IFS holds twice) is recorded FAILED in {@code employee_link} with what to fix and the
 * sweep goes on; a target that is unavailable (5xx, 429 after the retries, no connection)
 * fails the step, and a restart goes on from the last commit. The tallies of committed
 * chunks live in the step's execution context, so they add up across restarts; at the end
 * the headcount of each system is recorded ({@link PeopleHeadcounts}).
 */
// not final: step-scoped beans are class-based proxies
class PeopleSweepWriter implements ItemWriter<Person>, ItemStream, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(PeopleSweepWriter.class);

	/** How long the sweep waits for an event's sync of the same employee. */
	private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

	private final Tenant tenant;

	private final PersonSync sync;

	private final EmployeeLinks links;

	private final PeopleHeadcounts headcounts;

	private final IfsClients ifs;

	private final VismaClients visma;

	private StepExecution step;

	private PeopleSnapshot snapshot;

	/**
	 * The tallies of the chunk being written: added to the step's execution context when
	 * the chunk commits ({@link #update}), so a chunk rolled back is not counted twice
	 * after a restart.
	 */
	private final Map<String, Long> pending = new HashMap<>();

	PeopleSweepWriter(Tenant tenant, PersonSync sync, EmployeeLinks links, PeopleHeadcounts headcounts, IfsClients ifs,
			VismaClients visma) {
		this.tenant = tenant;
		this.sync = sync;
		this.links = links;
		this.headcounts = headcounts;
		this.ifs = ifs;
		this.visma = visma;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.step = stepExecution;
		this.snapshot = PeopleSnapshot.take(this.tenant.id(), this.links,
				this.tenant.ifs().isPresent() ? this.ifs.forTenant(this.tenant) : null,
				this.tenant.visma().isPresent() ? this.visma.forTenant(this.tenant) : null);
	}

	@Override
	public void write(Chunk<? extends Person> people) {
		Map<String, Long> tallies = this.pending;
		tallies.clear();
		for (Person person : people) {
			add(tallies, "employees");
			if (person.active()) {
				add(tallies, "gusto.active");
			}
			Optional<PersonSync.Result> result;
			try {
				result = this.sync.sweep(this.tenant, person, this.step.getJobExecutionId(), this.snapshot, LOCK_WAIT);
			}
			catch (RuntimeException ex) {
				if (unavailable(ex)) {
					throw ex;
				}
				logger.warn("People sweep of tenant {}: employee {} not synced: {}", this.tenant.id(),
						person.employeeUuid(), ex.getMessage());
				this.links.recordFailure(this.tenant, person,
						"the sweep could not sync the employee: " + ex.getMessage(), this.step.getJobExecutionId());
				add(tallies, "failed");
				continue;
			}
			if (result.isEmpty()) {
				// an event's sync holds the employee: it applies Gusto's newest state
				add(tallies, "busy");
				continue;
			}
			this.snapshot.applied(result.get());
			tally(tallies, "ifs", result.get().ifs());
			tally(tallies, "visma", result.get().visma());
			if (!result.get().problems().isEmpty()) {
				add(tallies, "failed");
			}
		}
	}

	@Override
	public void update(ExecutionContext context) {
		this.pending.forEach((key, count) -> context.putLong(key, context.getLong(key, 0L) + count));
		this.pending.clear();
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (!stepExecution.getStatus().isUnsuccessful() && this.snapshot != null) {
			ExecutionContext tallies = stepExecution.getExecutionContext();
			long execution = stepExecution.getJobExecutionId();
			this.headcounts.record(this.tenant.id(), "gusto", tallies.getLong("gusto.active", 0L), execution);
			if (this.snapshot.ifsHeadcount() != null) {
				this.headcounts.record(this.tenant.id(), "ifs", this.snapshot.ifsHeadcount(), execution);
			}
			if (this.snapshot.vismaHeadcount() != null) {
				this.headcounts.record(this.tenant.id(), "visma", this.snapshot.vismaHeadcount(), execution);
			}
			return stepExecution.getExitStatus().addExitDescription(summary(tallies));
		}
		return stepExecution.getExitStatus();
	}

	private String summary(ExecutionContext tallies) {
		StringBuilder summary = new StringBuilder();
		summary.append(tallies.getLong("employees", 0L))
			.append(" Gusto employee(s), ")
			.append(tallies.getLong("gusto.active", 0L))
			.append(" employed");
		for (String target : new String[] { "ifs", "visma" }) {
			if ((target.equals("ifs") && this.snapshot.ifsHeadcount() != null)
					|| (target.equals("visma") && this.snapshot.vismaHeadcount() != null)) {
				summary.append("; ")
					.append(target.equals("ifs") ? "IFS: " : "Visma: ")
					.append(tallies.getLong(target + ".created", 0L))
					.append(" created, ")
					.append(tallies.getLong(target + ".updated", 0L))
					.append(" updated, ")
					.append(tallies.getLong(target + ".unchanged", 0L))
					.append(" unchanged, ")
					.append(tallies.getLong(target + ".skipped", 0L))
					.append(" skipped, ")
					.append(tallies.getLong(target + ".failed", 0L))
					.append(" failed, headcount ")
					.append(target.equals("ifs") ? this.snapshot.ifsHeadcount() : this.snapshot.vismaHeadcount());
			}
		}
		long failed = tallies.getLong("failed", 0L);
		long busy = tallies.getLong("busy", 0L);
		if (failed > 0) {
			summary.append("; ").append(failed).append(" employee(s) FAILED: GET /api/v1/people/failed shows the fix");
		}
		if (busy > 0) {
			summary.append("; ").append(busy).append(" employee(s) left to the event sync running for them");
		}
		return summary.toString();
	}

	private static void tally(Map<String, Long> tallies, String target, TargetOutcome outcome) {
		if (outcome == null) {
			return;
		}
		String kind = switch (outcome.status()) {
			case FAILED -> "failed";
			case SKIPPED -> "skipped";
			case SYNCED ->
				(outcome.writes() == 0) ? "unchanged" : outcome.detail().startsWith("created") ? "created" : "updated";
		};
		add(tallies, target + "." + kind);
	}

	private static void add(Map<String, Long> tallies, String key) {
		tallies.merge(key, 1L, Long::sum);
	}

	/**
	 * Whether a target or Gusto could not be reached, which no fix of the employee helps:
	 * the step fails and is restarted later.
	 */
	static boolean unavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			int status = -1;
			if (cause instanceof IfsException ifsException) {
				status = ifsException.status();
			}
			else if (cause instanceof VismaException vismaException) {
				status = vismaException.status();
			}
			else if (cause instanceof GustoApiException gustoException) {
				status = gustoException.status();
			}
			else if (cause instanceof WebClientRequestException || cause instanceof java.io.IOException
					|| cause instanceof java.util.concurrent.TimeoutException) {
				return true;
			}
			if (status == 0 || status == 408 || status == 429 || status >= 500) {
				return true;
			}
			if (status > 0) {
				return false;
			}
		}
		return ex.getMessage() != null && ex.getMessage().startsWith("Timeout on blocking read");
	}

}
