package io.mlconnector.gusto;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An employee's work address [SPEC {@code Employee-Work-Address}]; the one with
 * {@code active: true} is current.
 *
 * @param uuid the work address
 * @param version optimistic lock
 * @param employeeUuid the employee
 * @param locationUuid the company location
 * @param effectiveDate from when it applies
 * @param active whether it is current
 * @param street1 street, first line
 * @param street2 street, second line
 * @param city city
 * @param state state
 * @param zip ZIP code
 * @param country country
 */
public record GustoWorkAddress(String uuid, String version, String employeeUuid, String locationUuid,
		LocalDate effectiveDate, Boolean active, @JsonProperty("street_1") String street1,
		@JsonProperty("street_2") String street2, String city, String state, String zip, String country) {

}
