package io.mlconnector.ifs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The key of an IFS record, in key order, formatted as an OData key predicate:
 * {@code Company='10',InvoiceId=5} ([OBS]: strings quoted, numbers bare, composite keys
 * comma-separated).
 *
 * @param values key property to value, in key order
 */
public record IfsKey(Map<String, Object> values) {

	public IfsKey {
		if (values == null || values.isEmpty()) {
			throw new IllegalArgumentException("a key needs at least one property");
		}
		values.forEach((property, value) -> {
			if (value == null) {
				throw new IllegalArgumentException("key property " + property + " has no value");
			}
		});
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * A key from property-value pairs.
	 * @param propertiesAndValues {@code "Company", "10", "InvoiceId", 5L}
	 * @return the key
	 */
	public static IfsKey of(Object... propertiesAndValues) {
		if (propertiesAndValues.length == 0 || propertiesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("give property-value pairs");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < propertiesAndValues.length; i += 2) {
			values.put((String) propertiesAndValues[i], propertiesAndValues[i + 1]);
		}
		return new IfsKey(values);
	}

	/**
	 * The key predicate, without parentheses.
	 * @return e.g. {@code Company='10',InvoiceId=5}
	 */
	public String predicate() {
		StringJoiner predicate = new StringJoiner(",");
		this.values.forEach((property, value) -> predicate.add(property + "=" + ODataLiteral.format(value)));
		return predicate.toString();
	}

	@Override
	public String toString() {
		return "(" + predicate() + ")";
	}

}
