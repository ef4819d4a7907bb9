package io.mlconnector.gusto;

import java.time.LocalDate;
import java.util.List;

/**
 * A downloaded general ledger report [DOC retrieve-a-general-ledger-report]: rows of
 * account type, description, optional job, debit and credit (strings or null).
 *
 * @param companyName the company
 * @param ledgerDescription what the ledger covers
 * @param checkDate payday
 * @param data sections
 */
public record GustoGeneralLedgerReport(String companyName, String ledgerDescription, LocalDate checkDate,
		List<Section> data) {

	/**
	 * One section of the report.
	 *
	 * @param headers column names
	 * @param rows the rows, in the order of the headers
	 * @param totals the totals row
	 * @param dataType {@code Basic} or {@code Detailed}
	 */
	public record Section(List<String> headers, List<List<String>> rows, List<String> totals, String dataType) {

	}

}
