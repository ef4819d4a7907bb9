package io.mlconnector.sandbox.ifs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stored record, immutable: every write stores a new row. {@code objid} plays the
 * Oracle ROWID and {@code objversion} the row version at one-second resolution, as in IFS
 * (reference 04-etag-decoding: [OBS]).
 *
 * @param set the entity set it belongs to
 * @param objid fake 18-character ROWID, stable for the record's life
 * @param objversion last change, to the second
 * @param values property values (stored Java types)
 */
record Row(EntitySet set, String objid, Instant objversion, Map<String, Object> values) {

	private static final DateTimeFormatter OBJVERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	Row {
		values = new LinkedHashMap<>(values);
	}

	Object get(String property) {
		return this.values.get(property);
	}

	List<Object> key() {
		return this.set.type().keys().stream().map(this.values::get).toList();
	}

	/**
	 * The IFS-encoded ETag: {@code W/"} + base64 of {@code W/"<objid>:<objversion>"} +
	 * {@code "} ([OBS]).
	 * @return the ETag
	 */
	String etag() {
		String inner = "W/\"" + this.objid + ":" + OBJVERSION.format(this.objversion) + "\"";
		return "W/\"" + Base64.getEncoder().encodeToString(inner.getBytes(StandardCharsets.UTF_8)) + "\"";
	}

	/**
	 * IFS's {@code keyref}: upper-case DB column names, {@code ^}-terminated ([OBS]).
	 * @return the keyref
	 */
	String keyref() {
		StringBuilder keyref = new StringBuilder();
		for (String key : this.set.type().keys()) {
			keyref.append(column(key))
				.append('=')
				.append(this.set.type().properties().get(key).toText(get(key)))
				.append('^');
		}
		return keyref.toString();
	}

	/**
	 * The canonical key predicate, e.g. {@code Company='10',InvoiceId=5}.
	 * @return the predicate
	 */
	String keyPredicate() {
		StringBuilder predicate = new StringBuilder();
		for (String key : this.set.type().keys()) {
			if (!predicate.isEmpty()) {
				predicate.append(',');
			}
			Object value = get(key);
			predicate.append(key)
				.append('=')
				.append((value instanceof String text) ? "'" + text.replace("'", "''") + "'" : value);
		}
		return predicate.toString();
	}

	/**
	 * The canonical path below the service root; a contained record (a voucher row) is
	 * addressed through its parent's navigation.
	 * @return e.g. {@code VoucherSet(...)/VoucherRowArray(...)}
	 */
	String path() {
		EntitySet parent = this.set.parent();
		if (parent == null) {
			return this.set.name() + "(" + keyPredicate() + ")";
		}
		StringBuilder parentKey = new StringBuilder();
		for (String key : parent.type().keys()) {
			if (!parentKey.isEmpty()) {
				parentKey.append(',');
			}
			Object value = get(key);
			parentKey.append(key)
				.append('=')
				.append((value instanceof String text) ? "'" + text.replace("'", "''") + "'" : value);
		}
		String navigation = parent.type()
			.navigations()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(this.set.name()))
			.findFirst()
			.orElseThrow()
			.getKey();
		return parent.name() + "(" + parentKey + ")/" + navigation + "(" + keyPredicate() + ")";
	}

	private static String column(String property) {
		return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
	}

}
