package io.mlconnector.sandbox.ifs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.mlconnector.sandbox.ifs.EdmType.BOOLEAN;
import static io.mlconnector.sandbox.ifs.EdmType.DATE;
import static io.mlconnector.sandbox.ifs.EdmType.DECIMAL;
import static io.mlconnector.sandbox.ifs.EdmType.INT;
import static io.mlconnector.sandbox.ifs.EdmType.STRING;

/**
 * The projections the sandbox serves. Only {@code CompanyHandling.svc/CompanySet} and
 * {@code PurchaseOrderHandling.svc/PurchaseOrderSet} are names IFS is known to use
 * ([OBS]); every other projection, set, navigation, action and field name is a sandbox
 * default ([ASSUMPTION]; field names are the CamelCase of IFS DB columns, with IFS's
 * "Debet" spelling on voucher rows), matching the defaults of
 * {@code io.mlconnector.tenant.IfsEntitySets}. The change timestamp {@code ChangedDate}
 * is simulated: IFS has no generic one.
 */
final class SandboxModel {

	static final String CHANGED_DATE = "ChangedDate";

	static final String VOUCHER_ROWS = "VoucherRowArray";

	final EntitySet companies;

	final EntitySet accounts;

	final EntitySet costCenters;

	final EntitySet projects;

	final EntitySet accountingPeriods;

	final EntitySet vouchers;

	final EntitySet voucherRows;

	final EntitySet supplierInvoices;

	final EntitySet purchaseOrders;

	final EntitySet paymentProposals;

	final EntitySet resources;

	private final Map<String, EntitySet> byProjectionAndName = new LinkedHashMap<>();

	private final Map<String, String> names;

	SandboxModel() {
		this(Map.of());
	}

	/**
	 * The model with some names replaced, to mimic a tenant whose projections are named
	 * differently.
	 * @param names sandbox default name to the name to serve instead (projections, entity
	 * sets, entity types and navigations; an entity type's new name also renames its
	 * actions {@code <EntityType>_<Action>})
	 */
	SandboxModel(Map<String, String> names) {
		this.names = (names != null) ? Map.copyOf(names) : Map.of();
		this.companies = add(new EntitySet(n("CompanyHandling"), n("CompanySet"),
				type(n("Company"), List.of("Company"), props("Company", STRING, "Name", STRING, "CurrencyCode", STRING),
						Set.of("Company", "Name"), null, null, null, Map.of(), Map.of()),
				null));
		this.accounts = add(new EntitySet(n("AccountsHandling"), n("AccountSet"),
				type(n("Account"), List.of("Company", "Account"),
						props("Company", STRING, "Account", STRING, "Description", STRING, "AccountGroup", STRING),
						Set.of("Company", "Account"), null, null, null, Map.of(), Map.of()),
				null));
		this.costCenters = add(new EntitySet(n("CodePartValuesHandling"), n("CodeBSet"),
				type(n("CodeB"), List.of("Company", "CodeB"),
						props("Company", STRING, "CodeB", STRING, "Description", STRING), Set.of("Company", "CodeB"),
						null, null, null, Map.of(), Map.of()),
				null));
		this.projects = add(new EntitySet(n("CodePartValuesHandling"), n("CodeCSet"),
				type(n("CodeC"), List.of("Company", "CodeC"),
						props("Company", STRING, "CodeC", STRING, "Description", STRING), Set.of("Company", "CodeC"),
						null, null, null, Map.of(), Map.of()),
				null));
		// [OBS] AccountingPeriodsHandling/AccountingPeriodSet with AccountingYear and
		// PeriodNo;
		// the status attribute and its values are [ASSUMPTION]
		this.accountingPeriods = add(new EntitySet(n("AccountingPeriodsHandling"), n("AccountingPeriodSet"),
				type(n("AccountingPeriod"), List.of("Company", "AccountingYear", "PeriodNo"),
						props("Company", STRING, "AccountingYear", INT, "PeriodNo", INT, "DateFrom", DATE, "DateUntil",
								DATE, "PeriodStatus", STRING),
						Set.of("Company", "AccountingYear", "PeriodNo"), null, null, null, Map.of(), Map.of()),
				null));
		EntityType voucherRow = type(n("VoucherRow"),
				List.of("Company", "VoucherType", "AccountingYear", "VoucherNo", "RowNo"),
				props("Company", STRING, "VoucherType", STRING, "AccountingYear", INT, "VoucherNo", INT, "RowNo", INT,
						"Account", STRING, "CodeB", STRING, "CodeC", STRING, "CurrencyCode", STRING,
						"CurrencyDebetAmount", DECIMAL, "CurrencyCreditAmount", DECIMAL, "Text", STRING,
						"ReferenceSerie", STRING, "ReferenceNumber", STRING, "TransCode", STRING),
				Set.of("Account"), "RowNo", null, null, Map.of(), Map.of());
		this.vouchers = add(new EntitySet(n("VoucherHandling"), n("VoucherSet"),
				type(n("Voucher"), List.of("Company", "VoucherType", "AccountingYear", "VoucherNo"),
						props("Company", STRING, "VoucherType", STRING, "AccountingYear", INT, "VoucherNo", INT,
								"VoucherDate", DATE, "AccountingPeriod", INT, "VoucherText", STRING, "UserGroup",
								STRING, "ReferenceSerie", STRING, "ReferenceNumber", STRING),
						Set.of("Company", "VoucherType", "AccountingYear", "VoucherDate"), "VoucherNo", "Preliminary",
						CHANGED_DATE, Map.of(n(VOUCHER_ROWS), n("VoucherRowSet")),
						Map.of(n("Voucher") + "_Approve", new EntityType.Action(Set.of("Preliminary"), "Approved"))),
				null));
		this.voucherRows = new EntitySet(n("VoucherHandling"), n("VoucherRowSet"), voucherRow, this.vouchers);
		this.supplierInvoices = add(new EntitySet(n("ManSuppInvoiceHandling"), n("ManSuppInvoiceSet"), type(
				n("ManSuppInvoice"), List.of("Company", "InvoiceId"),
				props("Company", STRING, "InvoiceId", INT, "InvoiceNo", STRING, "Identity", STRING, "SupplierName",
						STRING, "InvoiceDate", DATE, "DueDate", DATE, "GrossAmount", DECIMAL, "CurrencyCode", STRING,
						"AuthorizerId", STRING),
				Set.of("Company", "InvoiceNo", "Identity"), "InvoiceId", "AwaitAuth", CHANGED_DATE, Map.of(),
				Map.of(n("ManSuppInvoice") + "_Authorize", new EntityType.Action(Set.of("AwaitAuth"), "Authorized"))),
				null));
		this.purchaseOrders = add(new EntitySet(n("PurchaseOrderHandling"), n("PurchaseOrderSet"), type(
				n("PurchaseOrder"), List.of("OrderNo"),
				props("OrderNo", STRING, "VendorNo", STRING, "Contract", STRING, "OrderDate", DATE, "Company", STRING,
						"TotalAmount", DECIMAL, "CurrencyCode", STRING, "Urgent", BOOLEAN),
				Set.of("OrderNo", "VendorNo"), null, "Released", CHANGED_DATE, Map.of(),
				Map.of(n("PurchaseOrder") + "_Acknowledge", new EntityType.Action(Set.of("Released"), "Acknowledged"))),
				null));
		this.paymentProposals = add(new EntitySet(n("PaymentProposalHandling"), n("PaymentProposalSet"),
				type("PaymentProposal", List.of("Company", "ProposalId"),
						props("Company", STRING, "ProposalId", INT, "Description", STRING, "PaymentDate", DATE,
								"TotalAmount", DECIMAL, "CurrencyCode", STRING),
						Set.of("Company"), "ProposalId", "Created", CHANGED_DATE, Map.of(),
						Map.of(n("PaymentProposal") + "_Acknowledge",
								new EntityType.Action(Set.of("Created"), "Acknowledged"))),
				null));
		// [ASSUMPTION] simulated: IFS does not publish an employee-resource projection
		// for integrations. A resource per employee in a company, found by the
		// EmployeeReference it carries; Active or Blocked (work-centre resources have
		// these states), with the cost center and project code parts and a validity
		this.resources = add(new EntitySet(n("ResourceHandling"), n("ResourceSet"),
				type(n("Resource"), List.of("Company", "ResourceSeq"),
						props("Company", STRING, "ResourceSeq", INT, "Description", STRING, "EmployeeReference", STRING,
								"CodeB", STRING, "CodeC", STRING, "ValidFrom", DATE, "ValidTo", DATE),
						Set.of("Company", "Description", "EmployeeReference"), "ResourceSeq", "Active", CHANGED_DATE,
						Map.of(),
						Map.of(n("Resource") + "_Block", new EntityType.Action(Set.of("Active"), "Blocked"),
								n("Resource") + "_Activate", new EntityType.Action(Set.of("Blocked"), "Active"))),
				null));
	}

	private String n(String name) {
		return this.names.getOrDefault(name, name);
	}

	List<EntitySet> sets() {
		return List.of(this.companies, this.accounts, this.costCenters, this.projects, this.accountingPeriods,
				this.vouchers, this.voucherRows, this.supplierInvoices, this.purchaseOrders, this.paymentProposals,
				this.resources);
	}

	boolean hasProjection(String projection) {
		return this.byProjectionAndName.keySet().stream().anyMatch((key) -> key.startsWith(projection + "/"));
	}

	List<EntitySet> setsOf(String projection) {
		return this.byProjectionAndName.values().stream().filter((set) -> set.projection().equals(projection)).toList();
	}

	Optional<EntitySet> find(String projection, String name) {
		return Optional.ofNullable(this.byProjectionAndName.get(projection + "/" + name));
	}

	Optional<EntitySet> navigation(EntitySet from, String navigation) {
		String target = from.type().navigations().get(navigation);
		return (target == null) ? Optional.empty()
				: sets().stream().filter((set) -> set.name().equals(target) && set.parent() == from).findFirst();
	}

	private EntitySet add(EntitySet set) {
		this.byProjectionAndName.put(set.projection() + "/" + set.name(), set);
		return set;
	}

	private static EntityType type(String name, List<String> keys, Map<String, EdmType> properties,
			Set<String> required, String serverKey, String initialState, String changeTimestamp,
			Map<String, String> navigations, Map<String, EntityType.Action> actions) {
		return new EntityType(name, keys, properties, required, serverKey, initialState, changeTimestamp, navigations,
				actions);
	}

	private static Map<String, EdmType> props(Object... namesAndTypes) {
		Map<String, EdmType> properties = new LinkedHashMap<>();
		for (int i = 0; i < namesAndTypes.length; i += 2) {
			properties.put((String) namesAndTypes[i], (EdmType) namesAndTypes[i + 1]);
		}
		return properties;
	}

}
