package io.mlconnector.gusto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An employee's job [SPEC {@code Job}]: title and hire date are per job.
 *
 * @param uuid the job
 * @param version optimistic lock
 * @param employeeUuid the employee
 * @param hireDate hire date for this job
 * @param title job title
 * @param primary whether it is the primary job
 * @param rate current rate ({@code compensations:read}), scale 2
 * @param paymentUnit unit of the rate
 * @param currentCompensationUuid the current compensation
 * @param locationUuid work location of the job
 * @param compensations compensations ({@code compensations:read})
 */
public record GustoJob(String uuid, String version, String employeeUuid, LocalDate hireDate, String title,
		Boolean primary, BigDecimal rate, String paymentUnit, String currentCompensationUuid, String locationUuid,
		List<GustoCompensation> compensations) {

	public GustoJob {
		compensations = (compensations != null) ? compensations : List.of();
	}

}
