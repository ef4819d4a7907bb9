package io.mlconnector.gusto;

import java.util.List;

/**
 * A report request and its status [SPEC {@code General-Ledger-Report}, {@code Report}].
 *
 * @param requestUuid the request, polled with {@code GET /v1/reports/{request_uuid}}
 * @param payrollUuid the payroll (general ledger request only)
 * @param aggregation {@code default}, {@code job}, {@code department} or
 * {@code integration}
 * @param integrationType {@code xero}, {@code qbo} or {@code null}
 * @param status {@code pending}, {@code succeeded} or {@code failed}
 * @param reportUrls where the finished report can be downloaded
 */
public record GustoReport(String requestUuid, String payrollUuid, String aggregation, String integrationType,
		String status, List<String> reportUrls) {

	public GustoReport {
		reportUrls = (reportUrls != null) ? reportUrls : List.of();
	}

}
