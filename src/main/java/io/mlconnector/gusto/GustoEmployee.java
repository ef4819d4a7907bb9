package io.mlconnector.gusto;

import java.time.LocalDate;
import java.util.List;

/**
 * An employee [SPEC {@code Employee}, {@code Show-Employees}]. The list includes
 * terminated employees.
 *
 * @param uuid the employee
 * @param version optimistic lock
 * @param firstName first name
 * @param middleInitial middle initial
 * @param lastName last name
 * @param preferredFirstName preferred first name
 * @param email personal email
 * @param workEmail work email
 * @param companyUuid the company
 * @param managerUuid the manager
 * @param department department title
 * @param departmentUuid the department
 * @param title title (also per job)
 * @param hiredAt hire date (also per job)
 * @param terminated whether the employee is terminated
 * @param onboarded whether onboarding is complete
 * @param onboardingStatus onboarding status
 * @param currentEmploymentStatus {@code full_time}, {@code part_time_...}, ...
 * @param employeeCode short employee code
 * @param paymentMethod payment method
 * @param jobs the employee's jobs
 * @param terminations the employee's terminations
 */
public record GustoEmployee(String uuid, String version, String firstName, String middleInitial, String lastName,
		String preferredFirstName, String email, String workEmail, String companyUuid, String managerUuid,
		String department, String departmentUuid, String title, LocalDate hiredAt, Boolean terminated,
		Boolean onboarded, String onboardingStatus, String currentEmploymentStatus, String employeeCode,
		String paymentMethod, List<GustoJob> jobs, List<GustoTermination> terminations) {

	public GustoEmployee {
		jobs = (jobs != null) ? jobs : List.of();
		terminations = (terminations != null) ? terminations : List.of();
	}

}
