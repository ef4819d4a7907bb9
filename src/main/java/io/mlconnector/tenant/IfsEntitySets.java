package io.mlconnector.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * The IFS Cloud projections and entity sets ml-connector reads and writes. Only
 * {@code company} ({@code CompanyHandling.svc/CompanySet}) and {@code purchase-order}
 * ({@code PurchaseOrderHandling.svc/PurchaseOrderSet}) are names IFS is known to use; the
 * others are sandbox defaults to be replaced by the tenant's own names.
 *
 * @param company companies, used by the connection check
 * @param voucher GL voucher headers
 * @param voucherRowsNavigation navigation from a voucher header to its rows
 * @param supplierInvoice supplier invoices (posting proposals) to notify and approve
 * @param supplierInvoiceApproveAction bound action that authorizes a supplier invoice
 * @param purchaseOrder purchase orders to notify
 * @param paymentProposal payment proposals to notify
 * @param resource person or project resources kept in step with Gusto headcount
 * @param account GL accounts of a company (sandbox default
 * {@code AccountsHandling.svc/AccountSet}, a name IFS is believed to use)
 * @param costCenter cost centers: code part B values (sandbox default
 * {@code CodePartValuesHandling.svc/CodeBSet}; the real name is not published)
 * @param purchaseOrderAcknowledgeAction bound action that acknowledges a purchase order,
 * as {@code <EntityType>_<Action>} (sandbox default)
 * @param paymentProposalAcknowledgeAction bound action that acknowledges a payment
 * proposal, as {@code <EntityType>_<Action>} (sandbox default)
 * @param project project or job allocations: values of the tenant's {@code job-code-part}
 * (sandbox default {@code CodePartValuesHandling.svc/CodeCSet}, for code part C; the real
 * name is not published)
 * @param accountingPeriod accounting periods of a company with their status
 * ({@code AccountingPeriodsHandling.svc/AccountingPeriodSet}, a name seen in public IFS
 * projection snippets; the {@code PeriodStatus} attribute is [ASSUMPTION])
 * @param changeTimestampField filterable {@code Edm.DateTimeOffset} attribute that
 * changes on every write of a polled record; IFS has no generic one, so it is configured
 * per tenant (sandbox default {@code ChangedDate})
 */
public record IfsEntitySets(@Valid IfsEntitySet company, @Valid IfsEntitySet voucher,
		@NotBlank String voucherRowsNavigation, @Valid IfsEntitySet supplierInvoice,
		@NotBlank String supplierInvoiceApproveAction, @Valid IfsEntitySet purchaseOrder,
		@Valid IfsEntitySet paymentProposal, @Valid IfsEntitySet resource, @Valid IfsEntitySet account,
		@Valid IfsEntitySet costCenter, @NotBlank String purchaseOrderAcknowledgeAction,
		@NotBlank String paymentProposalAcknowledgeAction, @NotBlank String changeTimestampField,
		@Valid IfsEntitySet project, @Valid IfsEntitySet accountingPeriod) {

	public IfsEntitySets {
		company = orDefault(company, "CompanyHandling", "CompanySet");
		voucher = orDefault(voucher, "VoucherHandling", "VoucherSet");
		voucherRowsNavigation = (voucherRowsNavigation != null) ? voucherRowsNavigation : "VoucherRowArray";
		supplierInvoice = orDefault(supplierInvoice, "ManSuppInvoiceHandling", "ManSuppInvoiceSet");
		supplierInvoiceApproveAction = (supplierInvoiceApproveAction != null) ? supplierInvoiceApproveAction
				: "ManSuppInvoice_Authorize";
		purchaseOrder = orDefault(purchaseOrder, "PurchaseOrderHandling", "PurchaseOrderSet");
		paymentProposal = orDefault(paymentProposal, "PaymentProposalHandling", "PaymentProposalSet");
		resource = orDefault(resource, "ResourceHandling", "ResourceSet");
		account = orDefault(account, "AccountsHandling", "AccountSet");
		costCenter = orDefault(costCenter, "CodePartValuesHandling", "CodeBSet");
		purchaseOrderAcknowledgeAction = (purchaseOrderAcknowledgeAction != null) ? purchaseOrderAcknowledgeAction
				: "PurchaseOrder_Acknowledge";
		paymentProposalAcknowledgeAction = (paymentProposalAcknowledgeAction != null) ? paymentProposalAcknowledgeAction
				: "PaymentProposal_Acknowledge";
		changeTimestampField = (changeTimestampField != null) ? changeTimestampField : "ChangedDate";
		project = orDefault(project, "CodePartValuesHandling", "CodeCSet");
		accountingPeriod = orDefault(accountingPeriod, "AccountingPeriodsHandling", "AccountingPeriodSet");
	}

	static IfsEntitySets defaults() {
		return new IfsEntitySets(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	private static IfsEntitySet orDefault(IfsEntitySet configured, String projection, String entitySet) {
		return (configured != null) ? configured : new IfsEntitySet(projection, entitySet);
	}

}
