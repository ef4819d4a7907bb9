package io.mlconnector.gusto;

import java.util.List;

/**
 * A department [SPEC {@code Department}]. Gusto sends no department webhooks.
 *
 * @param uuid the department
 * @param companyUuid the company
 * @param title the department's name
 * @param version optimistic lock; send it with every update
 * @param employees its employees
 * @param contractors its contractors
 */
public record GustoDepartment(String uuid, String companyUuid, String title, String version,
		List<GustoReference> employees, List<GustoReference> contractors) {

	public GustoDepartment {
		employees = (employees != null) ? employees : List.of();
		contractors = (contractors != null) ? contractors : List.of();
	}

}
