package io.mlconnector.people;

import java.util.Set;

import io.mlconnector.batch.AsyncJobLauncher;
import io.mlconnector.inbox.InboxSource;
import io.mlconnector.inbox.JobLaunchingRoute;
import io.mlconnector.tenant.Tenants;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Gusto employee events the people flow registers with the inbox. Each launches
 * {@code peopleSyncJob} for the employee; a later event of the same employee makes
 * earlier ones redundant (each sync reads the employee as Gusto has them now).
 */
@Configuration(proxyBeanMethods = false)
class PeopleRoutesConfiguration {

	static final Set<String> EMPLOYEE_EVENTS = Set.of("employee.created", "employee.updated", "employee.onboarded",
			"employee.terminated", "employee.rehired");

	@Bean
	JobLaunchingRoute peopleSyncRoute(Job peopleSyncJob, AsyncJobLauncher launcher, Tenants tenants) {
		return new JobLaunchingRoute(InboxSource.GUSTO, EMPLOYEE_EVENTS, true, peopleSyncJob,
				PeopleSyncParameters::parameters, launcher)
			.onlyFor(tenants, PeopleTenants::syncsPeople, PeopleTenants::doesNotSyncPeople);
	}

}
