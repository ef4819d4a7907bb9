package io.mlconnector.inbox;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.mlconnector.batch.AsyncJobLauncher;

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
 */
public class JobLaunchingRoute implements InboxRoute {

	private final InboxSource source;

	private final Set<String> eventTypes;

	private final boolean coalesce;

	private final Job job;

	private final Function<InboxEvent, JobParameters> parameters;

	private final AsyncJobLauncher launcher;

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
		this.source = source;
		this.eventTypes = Set.copyOf(eventTypes);
		this.coalesce = coalesce;
		this.job = job;
		this.parameters = parameters;
		this.launcher = launcher;
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

}
