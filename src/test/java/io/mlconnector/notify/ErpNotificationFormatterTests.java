package io.mlconnector.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.ifs.IfsEtag;
import io.mlconnector.slack.SlackMessage;
import io.mlconnector.slack.SlackNotification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The business context of an IFS record's Slack notification, and what the thread reply
 * says changed.
 */
class ErpNotificationFormatterTests {

	private final ErpNotificationFormatter formatter = new ErpNotificationFormatter(
			Map.of(ErpRecordKind.SUPPLIER_INVOICE,
					"https://ifs.example.com/main/ifsapplications/web/page/ManualSupplierInvoice/Form;"
							+ "$filter=Company eq '{Company}' and InvoiceId eq {InvoiceId}"),
			new ErpNotificationFormatter.Names() {

				@Override
				public String account(String company, String account) {
					return "4010".equals(account) ? "Purchased services" : null;
				}

				@Override
				public String costCenter(String company, String costCenter) {
					return "CC-100".equals(costCenter) ? "Engineering" : null;
				}

			});

	@Test
	void aSupplierInvoiceShowsSupplierNumberAmountDatesBookingApprovalStateAndALinkBackToIfs() {
		IfsEntity invoice = record(values("Company", "10", "InvoiceId", 4711, "InvoiceNo", "INV-2026-118", "Identity",
				"SUP-7", "SupplierName", "Acme Tools & Co", "GrossAmount", 12345.6, "CurrencyCode", "USD",
				"InvoiceDate", "2026-11-28", "DueDate", "2026-12-28", "AccountNo", "4010", "CodeB", "CC-100",
				"Objstate", "AwaitAuth"));

		ErpNotification notification = this.formatter.format(ErpRecordKind.SUPPLIER_INVOICE, invoice);

		assertThat(notification.key()).isEqualTo("10-4711");
		assertThat(notification.notification().header())
			.isEqualTo("Supplier invoice INV-2026-118 from Acme Tools & Co");
		assertThat(notification.fields()).containsExactly(Map.entry("Supplier", "Acme Tools & Co (SUP-7)"),
				Map.entry("Invoice no.", "INV-2026-118"), Map.entry("Amount", "12,345.60 USD"),
				Map.entry("Invoice date", "2026-11-28"), Map.entry("Due date", "2026-12-28"),
				Map.entry("GL account", "4010 Purchased services"), Map.entry("Cost center", "CC-100 Engineering"),
				Map.entry("Company", "10"), Map.entry("Approval state", "AwaitAuth"));
		assertThat(notification.url()).isEqualTo("https://ifs.example.com/main/ifsapplications/web/page/"
				+ "ManualSupplierInvoice/Form;$filter=Company eq '10' and InvoiceId eq 4711");
		assertThat(notification.notification().context()).singleElement()
			.asString()
			.startsWith("<https://ifs.example.com/")
			.contains("|Open in IFS>")
			.endsWith("supplier invoice 10-4711");
		assertThat(notification.metadata().eventType()).isEqualTo("ifs_supplier_invoice");
		assertThat(notification.metadata().payload()).containsEntry("kind", "supplier_invoice")
			.containsEntry("key", "10-4711")
			.containsEntry("etag", "W/\"1\"");
	}

	@Test
	void theMessageCarriesTheFallbackTextTheBlocksAndTheMetadata() {
		IfsEntity invoice = record(values("Company", "10", "InvoiceId", 4711, "InvoiceNo", "INV-1", "SupplierName",
				"Acme", "GrossAmount", "99.5", "CurrencyCode", "EUR", "Objstate", "AwaitAuth"));

		SlackMessage message = this.formatter.format(ErpRecordKind.SUPPLIER_INVOICE, invoice).message("CINVOICES1", 2);

		assertThat(message.channel()).isEqualTo("CINVOICES1");
		assertThat(message.text()).startsWith("Supplier invoice INV-1 from Acme").contains("Amount: 99.50 EUR");
		assertThat(message.blocks()).isNotEmpty();
		assertThat(message.metadata().payload()).containsEntry("key", "10-4711");
	}

	@Test
	void aPurchaseOrderAPaymentProposalAndAVoucherEachGetTheirOwnContext() {
		ErpNotification order = this.formatter.format(ErpRecordKind.PURCHASE_ORDER,
				record(values("OrderNo", "PO-88", "VendorNo", "V-12", "Company", "30", "TotalAmount", 800,
						"CurrencyCode", "USD", "OrderDate", "2026-12-01", "Contract", "AUS1", "Urgent", true,
						"Objstate", "Released")));
		ErpNotification proposal = this.formatter.format(ErpRecordKind.PAYMENT_PROPOSAL,
				record(values("Company", "10", "ProposalId", 5, "Description", "December run", "TotalAmount",
						"250000.00", "CurrencyCode", "USD", "PaymentDate", "2026-12-15", "Objstate", "Created")));
		ErpNotification voucher = this.formatter.format(ErpRecordKind.GL_VOUCHER,
				record(values("Company", "10", "VoucherType", "M", "AccountingYear", 2026, "VoucherNo", 1001,
						"VoucherDate", "2026-12-11", "VoucherText", "Payroll 2026-12-11", "Objstate", "Approved")));

		assertThat(order.notification().header()).isEqualTo("Purchase order PO-88");
		assertThat(order.fields()).containsEntry("Amount", "800.00 USD")
			.containsEntry("Site", "AUS1")
			.containsEntry("Urgent", "yes")
			.containsEntry("Approval state", "Released");
		assertThat(order.url()).isNull();
		assertThat(order.notification().context()).containsExactly("IFS · purchase order PO-88");
		assertThat(proposal.notification().header()).isEqualTo("Payment proposal 5: December run");
		assertThat(proposal.fields()).containsEntry("Amount", "250,000.00 USD")
			.containsEntry("Payment date", "2026-12-15");
		assertThat(voucher.key()).isEqualTo("10-M-2026-1001");
		assertThat(voucher.notification().header()).isEqualTo("GL voucher M 2026/1001");
		assertThat(voucher.fields()).containsEntry("Text", "Payroll 2026-12-11")
			.containsEntry("Approval state", "Approved");
	}

	@Test
	void aFieldTheRecordDoesNotCarryIsLeftOutAndACodeWithoutANameShowsTheCode() {
		ErpNotification invoice = this.formatter.format(ErpRecordKind.SUPPLIER_INVOICE, record(values("Company", "10",
				"InvoiceId", 1, "SupplierName", "Acme", "AccountNo", "9999", "Objstate", "AwaitAuth")));

		assertThat(invoice.fields()).doesNotContainKeys("Due date", "Amount", "Cost center")
			.containsEntry("GL account", "9999")
			.containsEntry("Supplier", "Acme");
		assertThat(invoice.notification().header()).isEqualTo("Supplier invoice – from Acme");
	}

	@Test
	void aRecordWithoutItsKeyOrWithAnAmountThatIsNotOneCannotBeNotifiedAndSaysWhy() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.formatter.format(ErpRecordKind.SUPPLIER_INVOICE,
					record(values("Company", "10", "Objstate", "AwaitAuth"))))
			.withMessageContaining("without its key InvoiceId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.formatter.format(ErpRecordKind.SUPPLIER_INVOICE,
					record(values("Company", "10", "InvoiceId", 2, "GrossAmount", "12.345"))))
			.withMessageContaining("GrossAmount is not an amount with at most two decimals");
	}

	@Test
	void theThreadReplySaysWhichShownFieldsChangedFromWhatToWhat() {
		Map<String, String> before = new LinkedHashMap<>();
		before.put("Amount", "100.00 USD");
		before.put("Due date", "2026-12-28");
		before.put("Approval state", "AwaitAuth");
		Map<String, String> after = new LinkedHashMap<>();
		after.put("Amount", "120.00 USD");
		after.put("Approval state", "Authorized");
		after.put("Cost center", "CC-200");

		assertThat(ErpNotificationFormatter.changes(before, after)).containsExactly("Amount: 100.00 USD → 120.00 USD",
				"Approval state: AwaitAuth → Authorized", "Cost center: – → CC-200", "Due date: 2026-12-28 → –");
		assertThat(ErpNotificationFormatter.changes(after, after)).isEmpty();
	}

	@Test
	void kindsAreNamedByTheirIdsAndAnUnknownIdNamesTheKnownOnes() {
		assertThat(ErpRecordKind.of("payment_proposal")).isEqualTo(ErpRecordKind.PAYMENT_PROPOSAL);
		assertThatIllegalArgumentException().isThrownBy(() -> ErpRecordKind.of("invoice"))
			.withMessageContaining("supplier_invoice, purchase_order, payment_proposal or gl_voucher");
		assertThat(List.of(ErpRecordKind.values())).extracting(ErpRecordKind::id)
			.doesNotHaveDuplicates()
			.allSatisfy((id) -> assertThat(SlackNotification.MAX_ID).isGreaterThan(id.length()));
	}

	private static IfsEntity record(Map<String, Object> values) {
		return new IfsEntity(new IfsEtag("W/\"1\""), values);
	}

	private static Map<String, Object> values(Object... propertiesAndValues) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < propertiesAndValues.length; i += 2) {
			values.put((String) propertiesAndValues[i], propertiesAndValues[i + 1]);
		}
		return values;
	}

}
