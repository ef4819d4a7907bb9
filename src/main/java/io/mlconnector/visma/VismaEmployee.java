package io.mlconnector.visma;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An employee as Visma reads it ({@code EmployeeDto} [SPEC-3P]): plain values, no
 * {@code {value}} wrappers. ASSUMPTION (from the third-party ON-IT client): the
 * {@code {employeeCd}} of the URL is {@code employeeNumber}; {@code employeeId} is the
 * internal id the change-number action takes. There is no job-title and no location field
 * [SPEC-3P]: departments map to {@code department}, locations to {@code branch}.
 *
 * @param employeeUserId id of the user linked to the employee
 * @param employeeId internal id
 * @param employeeNumber the employee's reference number ({@code employeeCd})
 * @param employeeName display name
 * @param status status (read enum: {@code OnHold}, not {@code Hold})
 * @param department department id
 * @param contact name, email and phones
 * @param address postal address
 * @param lastModifiedDateTime when the record last changed, in the server's time zone
 * (which zone is not documented)
 * @param employeeClass class id and description
 * @param branch branch number and name
 * @param calendarId calendar id
 * @param timeStamp version of the record; equal to the ETag of a single read, sent back
 * as {@code If-Match} [DOC-etag]
 * @param metadata paging metadata of list reads
 */
public record VismaEmployee(String employeeUserId, Integer employeeId, String employeeNumber, String employeeName,
		VismaEmployeeStatus status, String department, Contact contact, Address address,
		LocalDateTime lastModifiedDateTime, Described employeeClass, Branch branch,
		@JsonProperty("calendarID") String calendarId, String timeStamp, Metadata metadata) {

	/**
	 * Contact of an employee.
	 *
	 * @param firstName first name
	 * @param midName middle name
	 * @param lastName last name
	 * @param email email
	 * @param phone1 first phone
	 * @param name full name
	 */
	public record Contact(String firstName, String midName, String lastName, String email, String phone1, String name) {

	}

	/**
	 * Postal address.
	 *
	 * @param addressLine1 first line
	 * @param addressLine2 second line
	 * @param postalCode postal code
	 * @param city city
	 * @param country country id and name
	 */
	public record Address(String addressLine1, String addressLine2, String postalCode, String city, Country country) {

	}

	/**
	 * A country.
	 *
	 * @param id ISO code
	 * @param name name
	 */
	public record Country(String id, String name) {

	}

	/**
	 * An id with a description (employee class).
	 *
	 * @param id the id
	 * @param description the description
	 */
	public record Described(String id, String description) {

	}

	/**
	 * The employee's branch.
	 *
	 * @param number branch number
	 * @param name branch name
	 */
	public record Branch(String number, String name) {

	}

	/**
	 * Paging metadata, on each element of a list [SPEC-3P {@code MetadataDto}].
	 *
	 * @param totalCount records matching the query
	 * @param maxPageSize the largest page the server serves
	 */
	public record Metadata(Long totalCount, Long maxPageSize) {

	}

	/**
	 * The branch number, or null.
	 * @return the number
	 */
	public String branchNumber() {
		return (this.branch != null) ? this.branch.number() : null;
	}

	/**
	 * The employee class id, or null.
	 * @return the id
	 */
	public String employeeClassId() {
		return (this.employeeClass != null) ? this.employeeClass.id() : null;
	}

}
