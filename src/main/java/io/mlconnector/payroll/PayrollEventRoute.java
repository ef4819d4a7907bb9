package io.mlconnector.payroll;

import java.util.Set;
import java.util.function.Predicate;

import io.mlconnector.inbox.InboxEvent;
import io.mlconnector.inbox.InboxRoute;
import io.mlconnector.inbox.InboxSource;
import io.mlconnector.inbox.JobLaunchingRoute;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;

/**
 * Routes Gusto payroll events to {@code payrollPostingJob} for tenants that post payroll
 * (Gusto and IFS both connected); for any other tenant the event is done with a note,
 * never retried into DEAD.
 */
final class PayrollEventRoute implements InboxRoute {

	private final JobLaunchingRoute launch;

	private final Tenants tenants;

	private final Predicate<Tenant> applies;

	private final String otherwise;

	/**
	 * A route.
	 * @param launch launches the posting
	 * @param tenants the tenants
	 * @param applies whether a tenant that posts payroll wants this kind of posting
	 * @param otherwise the note when it does not
	 */
	PayrollEventRoute(JobLaunchingRoute launch, Tenants tenants, Predicate<Tenant> applies, String otherwise) {
		this.launch = launch;
		this.tenants = tenants;
		this.applies = applies;
		this.otherwise = otherwise;
	}

	@Override
	public InboxSource source() {
		return this.launch.source();
	}

	@Override
	public Set<String> eventTypes() {
		return this.launch.eventTypes();
	}

	@Override
	public boolean coalesce() {
		return this.launch.coalesce();
	}

	@Override
	public Dispatched dispatch(InboxEvent event) throws Exception {
		Tenant tenant = (event.tenant() != null) ? this.tenants.find(event.tenant()).orElse(null) : null;
		if (tenant == null || tenant.gusto().isEmpty() || tenant.ifs().isEmpty()) {
			return new Dispatched(null, "tenant " + event.tenant() + " does not post payroll to IFS "
					+ "(it needs both a Gusto and an IFS connection); nothing to do");
		}
		if (!this.applies.test(tenant)) {
			return new Dispatched(null, this.otherwise);
		}
		return this.launch.dispatch(event);
	}

}
