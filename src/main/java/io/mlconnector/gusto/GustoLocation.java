package io.mlconnector.gusto;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A company location [SPEC {@code Location}].
 *
 * @param uuid the location
 * @param version optimistic lock
 * @param companyUuid the company
 * @param street1 street, first line
 * @param street2 street, second line
 * @param city city
 * @param state state
 * @param zip ZIP code
 * @param country country
 * @param active whether it is in use
 */
public record GustoLocation(String uuid, String version, String companyUuid, @JsonProperty("street_1") String street1,
		@JsonProperty("street_2") String street2, String city, String state, String zip, String country,
		Boolean active) {

}
