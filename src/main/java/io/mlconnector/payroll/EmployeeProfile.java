package io.mlconnector.payroll;

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
record EmployeeProfile(String employeeUuid, String department, String workLocationUuid, List<Job> jobs) {

	EmployeeProfile {
		jobs = (jobs != null) ? List.copyOf(jobs) : List.of();
	}

	/**
	 * The primary job, or the first when none is marked primary.
	 * @return the job, empty when the employee has none
	 */
	Optional<Job> primaryJob() {
		return this.jobs.stream().filter(Job::primary).findFirst().or(() -> this.jobs.stream().findFirst());
	}

	EmployeeProfile locatedAt(String locationUuid) {
		return new EmployeeProfile(this.employeeUuid, this.department, locationUuid, this.jobs);
	}

	Optional<Job> job(String jobUuid) {
		return this.jobs.stream().filter((job) -> job.uuid().equals(jobUuid)).findFirst();
	}

	/**
	 * A job of the employee.
	 *
	 * @param uuid Gusto job uuid
	 * @param title the job title
	 * @param primary whether it is the primary job
	 */
	record Job(String uuid, String title, boolean primary) {

	}

}
