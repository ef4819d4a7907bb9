package io.mlconnector.allocation;

import java.util.List;
import java.util.Optional;

/**
 * What allocation needs to know about an employee: department, work location and jobs.
 *
 * @param employeeUuid Gusto employee uuid
 * @param department Gusto department title, or {@code null}
 * @param workLocationUuid Gusto work location uuid, or {@code null}
 * @param jobs the employee's jobs
 */
public record EmployeeProfile(String employeeUuid, String department, String workLocationUuid, List<Job> jobs) {

	public EmployeeProfile {
		jobs = (jobs != null) ? List.copyOf(jobs) : List.of();
	}

	/**
	 * The primary job, or the first when none is marked primary.
	 * @return the job, empty when the employee has none
	 */
	public Optional<Job> primaryJob() {
		return this.jobs.stream().filter(Job::primary).findFirst().or(() -> this.jobs.stream().findFirst());
	}

	/**
	 * This employee at another work location.
	 * @param locationUuid the Gusto work location uuid
	 * @return the profile with that location
	 */
	public EmployeeProfile locatedAt(String locationUuid) {
		return new EmployeeProfile(this.employeeUuid, this.department, locationUuid, this.jobs);
	}

	/**
	 * One of the employee's jobs.
	 * @param jobUuid the Gusto job uuid
	 * @return the job, empty when the employee has no such job
	 */
	public Optional<Job> job(String jobUuid) {
		return this.jobs.stream().filter((job) -> job.uuid().equals(jobUuid)).findFirst();
	}

	/**
	 * A job of the employee.
	 *
	 * @param uuid Gusto job uuid
	 * @param title the job title
	 * @param primary whether it is the primary job
	 */
	public record Job(String uuid, String title, boolean primary) {

	}

}
