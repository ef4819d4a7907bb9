package io.mlconnector.inbox;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;

/**
 * A route that launches a job per event, asynchronously. The job parameters are the
 * event's business keys, so a completed instance is not run again (the event is DONE) and
 * a failed one restarts where it stopped. The event waits (RUNNING) for the execution it
 * launched, or for the one it found running (launched by the sweep, an operator, or an
 * earlier delivery), and takes that execution's outcome.
 * <p>
 * A route may launch its job only for some tenants ({@link #onlyFor}): an event of any
 * other tenant is done with a note saying why, never launched and never retried into
 * DEAD, so a flow needs no route class of its own.
 */
public class JobLaunchingRoute implements InboxRoute {

	private final InboxSource source;

	private final Set<String> eventTypes;

	private final boolean coalesce;

	private final Job job;

	private final Function<InboxEvent, JobParameters> parameters;

	private final AsyncJobLauncher launcher;

	private final Eligibility eligibility;

	/**
	 * Creates a route.
	 * @param source the source of the events
	 * @param eventTypes the event types
	 * @param coalesce whether a later event of the same entity makes earlier ones
	 * redundant
	 * @param job the job to launch
	 * @param parameters the job's identifying parameters for an event
	 * @param launcher the asynchronous launcher
	 */
	public JobLaunchingRoute(InboxSource source, Set<String> eventTypes, boolean coalesce, Job job,
			Function<InboxEvent, JobParameters> parameters, AsyncJobLauncher launcher) {
		this(source, eventTypes, coalesce, job, parameters, launcher, null);
	}

	private JobLaunchingRoute(InboxSource source, Set<String> eventTypes, boolean coalesce, Job job,
			Function<InboxEvent, JobParameters> parameters, AsyncJobLauncher launcher, Eligibility eligibility) {
		this.source = source;
		this.eventTypes = Set.copyOf(eventTypes);
		this.coalesce = coalesce;
		this.job = job;
		this.parameters = parameters;
		this.launcher = launcher;
		this.eligibility = eligibility;
	}

	/**
	 * This route, launching its job only for the configured tenants the predicate
	 * accepts. An event of any other tenant, or of a tenant that is not configured, is
	 * done with a note and launches nothing.
	 * @param tenants the configured tenants
	 * @param eligible whether the job runs for a tenant
	 * @param note why it does not, for a tenant the predicate refused
	 * @return a route with the same events and job
	 */
	public JobLaunchingRoute onlyFor(Tenants tenants, Predicate<Tenant> eligible, Function<Tenant, String> note) {
		return new JobLaunchingRoute(this.source, this.eventTypes, this.coalesce, this.job, this.parameters,
				this.launcher, new Eligibility(tenants, eligible, note));
	}

	@Override
	public InboxSource source() {
		return this.source;
	}

	@Override
	public Set<String> eventTypes() {
		return this.eventTypes;
	}

	@Override
	public boolean coalesce() {
		return this.coalesce;
	}

	@Override
	public Dispatched dispatch(InboxEvent event) throws Exception {
		if (this.eligibility != null) {
			Optional<String> refused = this.eligibility.refusal(event.tenant());
			if (refused.isPresent()) {
				return new Dispatched(null, refused.get() + "; nothing to do");
			}
		}
		JobParameters parameters = this.parameters.apply(event);
		try {
			return launch(parameters);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			Optional<JobExecution> running = this.launcher.runningExecution(this.job, parameters);
			if (running.isPresent()) {
				return new Dispatched(running.get().getId(), this.job.getName() + " was already running for these "
						+ "parameters (execution " + running.get().getId() + "); waiting for it");
			}
			// it ended between the launch and the look-up: launch again (restarts it if
			// it failed, is refused if it completed)
			return launch(parameters);
		}
	}

	private Dispatched launch(JobParameters parameters) throws Exception {
		try {
			JobExecution execution = this.launcher.start(this.job, parameters);
			return new Dispatched(execution.getId(), "launched " + this.job.getName());
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			return new Dispatched(null, this.job.getName() + " already completed for these parameters");
		}
	}

	private record Eligibility(Tenants tenants, Predicate<Tenant> eligible, Function<Tenant, String> note) {

		Optional<String> refusal(String tenantId) {
			Optional<Tenant> tenant = (tenantId != null) ? this.tenants.find(tenantId) : Optional.empty();
			if (tenant.isEmpty()) {
				return Optional.of("no tenant '" + tenantId + "' is configured");
			}
			return this.eligible.test(tenant.get()) ? Optional.empty() : Optional.of(this.note.apply(tenant.get()));
		}

	}

}
