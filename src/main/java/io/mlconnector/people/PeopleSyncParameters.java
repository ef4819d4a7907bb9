package io.mlconnector.people;

import io.mlconnector.batch.JobParameterChecks;
import io.mlconnector.inbox.InboxEvent;
import io.mlconnector.tenant.Tenants;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The identifying parameters of {@code peopleSyncJob}: tenant, Gusto employee and the
 * trigger (the Gusto event uuid, or what an operator names). A repeated delivery of one
 * event is the same instance, so it syncs once; a later event is a new instance that
 * reads the employee as Gusto has them then.
 */
final class PeopleSyncParameters {

	static final String TENANT = "tenant";

	static final String EMPLOYEE = "employeeUuid";

	static final String TRIGGER = "trigger";

	private PeopleSyncParameters() {
	}

	static JobParameters parameters(String tenant, String employeeUuid, String trigger) {
		return new JobParametersBuilder().addString(TENANT, tenant)
			.addString(EMPLOYEE, employeeUuid)
			.addString(TRIGGER, trigger)
			.toJobParameters();
	}

	static JobParameters parameters(InboxEvent event) {
		return parameters(event.tenant(), event.entityId(), "gusto-event:" + event.eventUuid());
	}

	/**
	 * Refuses a bad launch with a 400 before an instance exists.
	 */
	static final class Validator implements JobParametersValidator {

		private final Tenants tenants;

		Validator(Tenants tenants) {
			this.tenants = tenants;
		}

		@Override
		public void validate(JobParameters parameters) throws InvalidJobParametersException {
			JobParameterChecks.tenant(parameters, TENANT, this.tenants, PeopleTenants::syncsPeople,
					PeopleTenants::doesNotSyncPeople);
			JobParameterChecks.required(parameters, EMPLOYEE);
			String trigger = parameters.getString(TRIGGER);
			if (trigger == null || trigger.isBlank()) {
				throw new InvalidJobParametersException("parameter '" + TRIGGER
						+ "' is required: the Gusto event uuid, or a name of the operator's choosing such as a date");
			}
		}

	}

}
