package io.mlconnector.ifs;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Voucher payloads shared by the IFS tests (sandbox field names, IFS's "Debet" spelling).
 */
final class IfsVoucherFixtures {

	static final List<String> VOUCHER_KEYS = List.of("Company", "VoucherType", "AccountingYear", "VoucherNo");

	private IfsVoucherFixtures() {
	}

	static Map<String, Object> header(String reference) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("Company", "10");
		header.put("VoucherType", "M");
		header.put("AccountingYear", 2025);
		header.put("VoucherDate", "2025-01-31");
		header.put("VoucherText", "Payroll accrual " + reference);
		header.put("ReferenceSerie", "PAYRUN");
		header.put("ReferenceNumber", reference);
		return header;
	}

	static List<Map<String, Object>> balancedRows(String reference) {
		return List.of(row("7010", "CC-100", "1500.00", null, reference),
				row("7510", "CC-200", "114.75", null, reference), row("2910", null, null, "1614.75", reference));
	}

	static Map<String, Object> row(String account, String costCenter, String debit, String credit, String reference) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("Account", account);
		if (costCenter != null) {
			row.put("CodeB", costCenter);
		}
		row.put("CurrencyCode", "USD");
		if (debit != null) {
			row.put("CurrencyDebetAmount", new BigDecimal(debit));
		}
		if (credit != null) {
			row.put("CurrencyCreditAmount", new BigDecimal(credit));
		}
		row.put("Text", "Payroll " + account);
		row.put("ReferenceSerie", "PAYRUN");
		row.put("ReferenceNumber", reference);
		return row;
	}

}
