package io.mlconnector.gusto;

import java.time.LocalDate;

/**
 * A company [SPEC {@code Company}], the fields ml-connector reads.
 *
 * @param uuid the company
 * @param name legal name
 * @param tradeName trade name
 * @param ein employer identification number
 * @param companyStatus for example {@code Approved}
 * @param joinDate when it joined Gusto
 */
public record GustoCompany(String uuid, String name, String tradeName, String ein, String companyStatus,
		LocalDate joinDate) {

}
