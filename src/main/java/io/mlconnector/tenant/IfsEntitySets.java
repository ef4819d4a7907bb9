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
 */
public record IfsEntitySets(@Valid IfsEntitySet company, @Valid IfsEntitySet voucher,
		@NotBlank String voucherRowsNavigation, @Valid IfsEntitySet supplierInvoice,
		@NotBlank String supplierInvoiceApproveAction, @Valid IfsEntitySet purchaseOrder,
		@Valid IfsEntitySet paymentProposal, @Valid IfsEntitySet resource) {

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
	}

	static IfsEntitySets defaults() {
		return new IfsEntitySets(null, null, null, null, null, null, null, null);
	}

	private static IfsEntitySet orDefault(IfsEntitySet configured, String projection, String entitySet) {
		return (configured != null) ? configured : new IfsEntitySet(projection, entitySet);
	}

}
