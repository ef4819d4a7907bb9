package io.mlconnector.notify;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.slack.SlackMetadata;
import io.mlconnector.slack.SlackNotification;

/**
 * Turns an IFS record into the Slack notification people act on: who (supplier), what
 * (number), how much (amount and currency, to the cent), where it is booked (company, GL
 * account with its name, cost center with its name, where the record carries them), when
 * (invoice, due, order or payment date), its approval state, and a link back to the
 * record in IFS. The record's key goes into the message metadata, so a message leads back
 * to its record. A later version of the record is compared field by field
 * ({@link #changes}), which is what the thread reply under the updated message says.
 * <p>
 * [ASSUMPTION] the property names are the sandbox's entity types' (IFS publishes no
 * projection for these records): {@code SupplierName}, {@code Identity},
 * {@code InvoiceNo}, {@code GrossAmount}, {@code CurrencyCode}, {@code InvoiceDate},
 * {@code DueDate}, {@code VendorNo}, {@code TotalAmount}, {@code OrderDate},
 * {@code PaymentDate}, {@code VoucherDate}, and, when present, {@code AccountNo} and
 * {@code CodeB} (cost center). {@code Objstate} is the state IFS gives every stateful
 * entity.
 */
public final class ErpNotificationFormatter {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

	private final Map<ErpRecordKind, String> recordUrls;

	private final Names names;

	/**
	 * A formatter.
	 * @param recordUrls per kind, the address of a record in the tenant's IFS, with
	 * {@code {Property}} placeholders filled from the record (URL-encoded); a kind
	 * without one gets no link
	 * @param names the names of GL accounts and cost centers
	 */
	public ErpNotificationFormatter(Map<ErpRecordKind, String> recordUrls, Names names) {
		this.recordUrls = Map.copyOf(recordUrls);
		this.names = names;
	}

	/**
	 * The notification of a record.
	 * @param kind the kind
	 * @param record the record as IFS answered it
	 * @return the notification
	 * @throws IllegalArgumentException when the record lacks a key or an amount is not an
	 * amount: such a record cannot be notified, and the reason says why
	 */
	public ErpNotification format(ErpRecordKind kind, IfsEntity record) {
		Map<String, String> fields = fields(kind, record);
		String key = key(kind, record);
		String header = switch (kind) {
			case SUPPLIER_INVOICE -> kind.title() + " " + orDash(record.string("InvoiceNo")) + " from "
					+ orDash(record.string("SupplierName"));
			case PURCHASE_ORDER -> kind.title() + " " + record.string("OrderNo");
			case PAYMENT_PROPOSAL -> kind.title() + " " + record.get("ProposalId")
					+ ((record.string("Description") != null) ? ": " + record.string("Description") : "");
			case GL_VOUCHER -> kind.title() + " " + record.string("VoucherType") + " " + record.get("AccountingYear")
					+ "/" + record.get("VoucherNo");
		};
		List<SlackNotification.Field> shown = new ArrayList<>();
		fields.forEach((label, value) -> shown.add(new SlackNotification.Field(label, value)));
		List<String> context = new ArrayList<>();
		String url = url(kind, record);
		context.add(((url != null) ? "<" + url + "|Open in IFS>" : "IFS") + " · "
				+ kind.title().toLowerCase(Locale.ROOT) + " " + key);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("kind", kind.id());
		payload.put("key", key);
		if (record.etag() != null) {
			payload.put("etag", record.etag().value());
		}
		return new ErpNotification(kind, key, new SlackNotification(header, shown, context, List.of()), fields,
				new SlackMetadata("ifs_" + kind.id(), payload), url);
	}

	/**
	 * What changed between two versions of a record's fields, as people read it.
	 * @param before the fields notified last
	 * @param after the fields now
	 * @return one line per changed field, in the order of the fields ("Approval state:
	 * AwaitAuth → Authorized"), empty when nothing shown changed
	 */
	public static List<String> changes(Map<String, String> before, Map<String, String> after) {
		List<String> changes = new ArrayList<>();
		after.forEach((label, value) -> {
			String old = before.get(label);
			if (!Objects.equals(old, value)) {
				changes.add(label + ": " + orDash(old) + " → " + orDash(value));
			}
		});
		before.forEach((label, value) -> {
			if (!after.containsKey(label)) {
				changes.add(label + ": " + orDash(value) + " → –");
			}
		});
		return changes;
	}

	/**
	 * The record's key as one string, keys in key order joined with {@code -} (for
	 * example {@code 10-4711}): the message's metadata and block ids carry it.
	 * @param kind the kind
	 * @param record the record
	 * @return the key
	 */
	public static String key(ErpRecordKind kind, IfsEntity record) {
		List<String> parts = new ArrayList<>();
		for (String property : kind.keys()) {
			Object value = record.get(property);
			if (value == null || value.toString().isBlank()) {
				throw new IllegalArgumentException(
						kind.title() + " without its key " + property + ": the record cannot be notified");
			}
			parts.add(value.toString());
		}
		return String.join("-", parts);
	}

	private Map<String, String> fields(ErpRecordKind kind, IfsEntity record) {
		Map<String, String> fields = new LinkedHashMap<>();
		String company = record.string("Company");
		switch (kind) {
			case SUPPLIER_INVOICE -> {
				fields.put("Supplier", supplier(record.string("SupplierName"), record.string("Identity")));
				fields.put("Invoice no.", record.string("InvoiceNo"));
				fields.put("Amount", amount(record, "GrossAmount"));
				fields.put("Invoice date", text(record.get("InvoiceDate")));
				fields.put("Due date", text(record.get("DueDate")));
			}
			case PURCHASE_ORDER -> {
				fields.put("Supplier", record.string("VendorNo"));
				fields.put("Order no.", record.string("OrderNo"));
				fields.put("Amount", amount(record, "TotalAmount"));
				fields.put("Order date", text(record.get("OrderDate")));
				if (record.get("Contract") != null) {
					fields.put("Site", record.string("Contract"));
				}
				if (Boolean.TRUE.equals(record.get("Urgent"))) {
					fields.put("Urgent", "yes");
				}
			}
			case PAYMENT_PROPOSAL -> {
				fields.put("Proposal", text(record.get("ProposalId")));
				fields.put("Amount", amount(record, "TotalAmount"));
				fields.put("Payment date", text(record.get("PaymentDate")));
			}
			case GL_VOUCHER -> {
				fields.put("Voucher", record.string("VoucherType") + " " + record.get("AccountingYear") + "/"
						+ record.get("VoucherNo"));
				fields.put("Voucher date", text(record.get("VoucherDate")));
				if (record.get("VoucherText") != null) {
					fields.put("Text", record.string("VoucherText"));
				}
			}
		}
		if (record.get("AccountNo") != null) {
			fields.put("GL account",
					named(record.string("AccountNo"), this.names.account(company, record.string("AccountNo"))));
		}
		if (record.get("CodeB") != null) {
			fields.put("Cost center",
					named(record.string("CodeB"), this.names.costCenter(company, record.string("CodeB"))));
		}
		fields.put("Company", company);
		fields.put("Approval state", record.string("Objstate"));
		fields.values().removeIf(Objects::isNull);
		return fields;
	}

	private String url(ErpRecordKind kind, IfsEntity record) {
		String template = this.recordUrls.get(kind);
		if (template == null || template.isBlank()) {
			return null;
		}
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder url = new StringBuilder();
		while (matcher.find()) {
			Object value = record.get(matcher.group(1));
			String encoded = (value != null)
					? URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20") : "";
			matcher.appendReplacement(url, Matcher.quoteReplacement(encoded));
		}
		matcher.appendTail(url);
		return url.toString();
	}

	private static String amount(IfsEntity record, String property) {
		BigDecimal amount;
		try {
			amount = record.money(property);
		}
		catch (IllegalStateException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		if (amount == null) {
			return null;
		}
		String currency = record.string("CurrencyCode");
		return String.format(Locale.ROOT, "%,.2f", amount) + ((currency != null) ? " " + currency : "");
	}

	private static String supplier(String name, String identity) {
		if (name == null) {
			return identity;
		}
		return (identity != null) ? name + " (" + identity + ")" : name;
	}

	private static String named(String code, String name) {
		return (name != null && !name.isBlank()) ? code + " " + name : code;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static String orDash(String value) {
		return (value != null && !value.isBlank()) ? value : "–";
	}

	/**
	 * The names of a company's GL accounts and cost centers.
	 */
	public interface Names {

		/**
		 * The account's name.
		 * @param company the IFS company
		 * @param account the account
		 * @return the name, or {@code null} when unknown
		 */
		String account(String company, String account);

		/**
		 * The cost center's name.
		 * @param company the IFS company
		 * @param costCenter the code part value
		 * @return the name, or {@code null} when unknown
		 */
		String costCenter(String company, String costCenter);

		/**
		 * No names: codes only.
		 * @return names that know none
		 */
		static Names none() {
			return new Names() {

				@Override
				public String account(String company, String account) {
					return null;
				}

				@Override
				public String costCenter(String company, String costCenter) {
					return null;
				}

			};
		}

	}

}
