package io.mlconnector.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Predicate;

import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.Tenants;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The checks every job's parameters validator starts with, so a bad launch is a clear 400
 * naming the parameter, never a FAILED instance.
 */
public final class JobParameterChecks {

	private JobParameterChecks() {
	}

	/**
	 * A parameter that must be present and not blank.
	 * @param parameters the parameters
	 * @param name the parameter
	 * @return its value
	 * @throws InvalidJobParametersException when it is missing or blank
	 */
	public static String required(JobParameters parameters, String name) throws InvalidJobParametersException {
		String value = parameters.getString(name);
		if (value == null || value.isBlank()) {
			throw new InvalidJobParametersException("parameter '" + name + "' is required");
		}
		return value;
	}

	/**
	 * A required parameter that is an ISO date.
	 * @param parameters the parameters
	 * @param name the parameter
	 * @return the date
	 * @throws InvalidJobParametersException when it is missing or not a date
	 */
	public static LocalDate date(JobParameters parameters, String name) throws InvalidJobParametersException {
		String value = required(parameters, name);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidJobParametersException(
					"parameter '" + name + "' must be a date like 2026-12-03, was '" + value + "'");
		}
	}

	/**
	 * A required parameter that is an ISO instant.
	 * @param parameters the parameters
	 * @param name the parameter
	 * @return the instant
	 * @throws InvalidJobParametersException when it is missing or not an instant
	 */
	public static Instant instant(JobParameters parameters, String name) throws InvalidJobParametersException {
		String value = required(parameters, name);
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidJobParametersException(
					"parameter '" + name + "' must be an instant like 2026-12-03T08:00:00Z, was '" + value + "'");
		}
	}

	/**
	 * The configured tenant a parameter names, which the job must run for.
	 * @param parameters the parameters
	 * @param name the tenant parameter
	 * @param tenants the configured tenants
	 * @param eligible whether the job runs for a tenant
	 * @param refusal why it does not
	 * @return the tenant
	 * @throws InvalidJobParametersException when the parameter is missing, names no
	 * configured tenant, or one the job does not run for
	 */
	public static Tenant tenant(JobParameters parameters, String name, Tenants tenants, Predicate<Tenant> eligible,
			Function<Tenant, String> refusal) throws InvalidJobParametersException {
		String tenantId = required(parameters, name);
		Tenant tenant = tenants.find(tenantId)
			.orElseThrow(() -> new InvalidJobParametersException("no tenant '" + tenantId + "' is configured"));
		if (!eligible.test(tenant)) {
			throw new InvalidJobParametersException(refusal.apply(tenant));
		}
		return tenant;
	}

}
