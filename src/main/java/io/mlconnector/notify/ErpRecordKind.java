package io.mlconnector.notify;

import java.util.List;
import java.util.function.Function;

import io.mlconnector.tenant.IfsEntitySet;
import io.mlconnector.tenant.IfsEntitySets;
import io.mlconnector.tenant.SlackConnection;

/**
 * The kinds of IFS Cloud record that are notified in Slack: the entity set each is read
 * from, its keys, and the tenant's channel for it. The keys are the sandbox's entity
 * types' (IFS publishes no projection for these; see {@link IfsEntitySets}).
 */
public enum ErpRecordKind {

	/** Supplier invoices (posting proposals) awaiting authorization and after. */
	SUPPLIER_INVOICE("supplier_invoice", "Supplier invoice", List.of("Company", "InvoiceId"),
			IfsEntitySets::supplierInvoice, SlackConnection.Channels::supplierInvoices),

	/** Purchase orders. */
	PURCHASE_ORDER("purchase_order", "Purchase order", List.of("OrderNo"), IfsEntitySets::purchaseOrder,
			SlackConnection.Channels::purchaseOrders),

	/** Supplier payment proposals. */
	PAYMENT_PROPOSAL("payment_proposal", "Payment proposal", List.of("Company", "ProposalId"),
			IfsEntitySets::paymentProposal, SlackConnection.Channels::paymentProposals),

	/** GL vouchers, the payroll vouchers ml-connector posts among them. */
	GL_VOUCHER("gl_voucher", "GL voucher", List.of("Company", "VoucherType", "AccountingYear", "VoucherNo"),
			IfsEntitySets::voucher, SlackConnection.Channels::vouchers);

	private final String id;

	private final String title;

	private final List<String> keys;

	private final Function<IfsEntitySets, IfsEntitySet> set;

	private final Function<SlackConnection.Channels, String> channel;

	ErpRecordKind(String id, String title, List<String> keys, Function<IfsEntitySets, IfsEntitySet> set,
			Function<SlackConnection.Channels, String> channel) {
		this.id = id;
		this.title = title;
		this.keys = keys;
		this.set = set;
		this.channel = channel;
	}

	/**
	 * The kind's id: the job parameter's value and the Slack metadata's event type
	 * ({@code ifs_<id>}).
	 */
	public String id() {
		return this.id;
	}

	/**
	 * What people call a record of this kind.
	 */
	public String title() {
		return this.title;
	}

	/**
	 * The entity type's keys, in key order.
	 */
	public List<String> keys() {
		return this.keys;
	}

	/**
	 * The entity set of the tenant's IFS.
	 * @param sets the tenant's entity sets
	 * @return the set
	 */
	public IfsEntitySet set(IfsEntitySets sets) {
		return this.set.apply(sets);
	}

	/**
	 * The tenant's channel for the kind.
	 * @param channels the tenant's channels
	 * @return the channel id, or {@code null} when the kind is not posted
	 */
	public String channel(SlackConnection.Channels channels) {
		return this.channel.apply(channels);
	}

	/**
	 * The kind of an id.
	 * @param id {@code supplier_invoice}, {@code purchase_order},
	 * {@code payment_proposal} or {@code gl_voucher}
	 * @return the kind
	 * @throws IllegalArgumentException naming the ids there are
	 */
	public static ErpRecordKind of(String id) {
		for (ErpRecordKind kind : values()) {
			if (kind.id.equals(id)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("no kind of IFS record '" + id
				+ "': use supplier_invoice, purchase_order, payment_proposal or gl_voucher");
	}

}
