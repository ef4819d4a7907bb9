package io.mlconnector.visma;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to write to an employee: the fields of {@code EmployeeCreateDTO} (POST) and
 * {@code EmployeeUpdateDto} (PUT) [SPEC-3P]. Null fields are left out of the body. On the
 * wire every scalar is wrapped as {@code {"value": ...}}.
 * <p>
 * A create needs {@code employeeCd}, {@code department}, {@code employeeClass},
 * {@code branch}, {@code calendar} and a contact with {@code lastName} and {@code email};
 * an update needs the contact, and cannot change {@code employeeCd} (Visma has an action
 * for that).
 *
 * @param employeeCd the employee's number (create only)
 * @param status the status; leavers become {@link VismaEmployeeStatus#INACTIVE} (there is
 * no DELETE)
 * @param department department id; the department must exist
 * @param employeeClass employee class id
 * @param branch branch number
 * @param calendar calendar id
 * @param firstName contact first name
 * @param middleName contact middle name
 * @param lastName contact last name
 * @param email contact email
 * @param phone1 contact phone
 * @param addressLine1 address line
 * @param postalCode postal code
 * @param city city
 * @param countryId ISO country code
 */
public record VismaEmployeeChange(String employeeCd, VismaEmployeeStatus status, String department,
		String employeeClass, String branch, String calendar, String firstName, String middleName, String lastName,
		String email, String phone1, String addressLine1, String postalCode, String city, String countryId) {

	/**
	 * The change that makes an employee what it is now with another status, for example
	 * {@code Inactive} for a leaver (the update DTO requires the contact, so it is sent
	 * again as read).
	 * @param current the employee as read
	 * @param status the new status
	 * @return the change
	 */
	public static VismaEmployeeChange withStatus(VismaEmployee current, VismaEmployeeStatus status) {
		VismaEmployee.Contact contact = (current.contact() != null) ? current.contact()
				: new VismaEmployee.Contact(null, null, null, null, null, null);
		return new VismaEmployeeChange(null, status, current.department(), current.employeeClassId(),
				current.branchNumber(), current.calendarId(), contact.firstName(), contact.midName(),
				contact.lastName(), contact.email(), contact.phone1(), null, null, null, null);
	}

	/**
	 * The same change for another employee number (create).
	 * @param employeeCd the number
	 * @return the change
	 */
	public VismaEmployeeChange withEmployeeCd(String employeeCd) {
		return new VismaEmployeeChange(employeeCd, this.status, this.department, this.employeeClass, this.branch,
				this.calendar, this.firstName, this.middleName, this.lastName, this.email, this.phone1,
				this.addressLine1, this.postalCode, this.city, this.countryId);
	}

	/**
	 * The same change in another department.
	 * @param department the department id
	 * @return the change
	 */
	public VismaEmployeeChange withDepartment(String department) {
		return new VismaEmployeeChange(this.employeeCd, this.status, department, this.employeeClass, this.branch,
				this.calendar, this.firstName, this.middleName, this.lastName, this.email, this.phone1,
				this.addressLine1, this.postalCode, this.city, this.countryId);
	}

	/**
	 * The POST body: {@code EmployeeCreateDTO} with {@code {value}} wrappers.
	 * @return the body
	 */
	Map<String, Object> createBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		put(body, "employeeCd", this.employeeCd);
		putCommon(body);
		return body;
	}

	/**
	 * The PUT body: {@code EmployeeUpdateDto} with {@code {value}} wrappers.
	 * @return the body
	 */
	Map<String, Object> updateBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		putCommon(body);
		return body;
	}

	private void putCommon(Map<String, Object> body) {
		put(body, "status", (this.status != null) ? this.status.writeName() : null);
		put(body, "department", this.department);
		put(body, "employeeClass", this.employeeClass);
		put(body, "branch", this.branch);
		put(body, "calendar", this.calendar);
		Map<String, Object> contact = new LinkedHashMap<>();
		put(contact, "firstName", this.firstName);
		put(contact, "middleName", this.middleName);
		put(contact, "lastName", this.lastName);
		put(contact, "email", this.email);
		put(contact, "phone1", this.phone1);
		if (!contact.isEmpty()) {
			body.put("contact", contact);
		}
		Map<String, Object> address = new LinkedHashMap<>();
		put(address, "addressLine1", this.addressLine1);
		put(address, "postalCode", this.postalCode);
		put(address, "city", this.city);
		put(address, "countryId", this.countryId);
		if (!address.isEmpty()) {
			body.put("address", address);
		}
	}

	private static void put(Map<String, Object> body, String field, Object value) {
		if (value != null) {
			body.put(field, Map.of("value", value));
		}
	}

}
