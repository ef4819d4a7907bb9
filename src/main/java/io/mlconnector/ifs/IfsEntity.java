package io.mlconnector.ifs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One IFS record as read: its ETag and its properties (JSON values; decimals as
 * {@link BigDecimal}, never double). IFS meta fields ({@code luname}, {@code keyref},
 * {@code Objgrants}) are kept, {@code @odata.*} annotations are not.
 *
 * @param etag the record's {@code @odata.etag}, or null if the server sent none
 * @param values property values
 */
public record IfsEntity(IfsEtag etag, Map<String, Object> values) {

	public IfsEntity {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	static IfsEntity of(Map<String, Object> json) {
		Object etag = json.get("@odata.etag");
		Map<String, Object> values = new LinkedHashMap<>();
		json.forEach((name, value) -> {
			if (!name.startsWith("@") && !name.contains("@odata.")) {
				values.put(name, value);
			}
		});
		return new IfsEntity((etag instanceof String text && !text.isBlank()) ? new IfsEtag(text) : null, values);
	}

	public Object get(String property) {
		return this.values.get(property);
	}

	public String string(String property) {
		Object value = this.values.get(property);
		return (value != null) ? value.toString() : null;
	}

	/**
	 * A money amount with scale 2, from a JSON number or string.
	 * @param property the property
	 * @return the amount, or null
	 * @throws IllegalStateException if the value is not a number or has more than two
	 * decimals that are not zero
	 */
	public BigDecimal money(String property) {
		Object value = this.values.get(property);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value.toString()).setScale(2, RoundingMode.UNNECESSARY);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new IllegalStateException(property + " is not an amount with at most two decimals: " + value, ex);
		}
	}

	public Long longValue(String property) {
		Object value = this.values.get(property);
		return (value != null) ? new BigDecimal(value.toString()).longValueExact() : null;
	}

	public LocalDate date(String property) {
		Object value = this.values.get(property);
		return (value != null) ? LocalDate.parse(value.toString()) : null;
	}

	public Instant instant(String property) {
		Object value = this.values.get(property);
		return (value != null) ? OffsetDateTime.parse(value.toString()).toInstant() : null;
	}

	/**
	 * The record's key.
	 * @param keyProperties the key properties of its entity type, in key order
	 * @return the key
	 * @throws IllegalStateException if a key property was not read (add it to
	 * {@code $select})
	 */
	public IfsKey key(List<String> keyProperties) {
		Map<String, Object> key = new LinkedHashMap<>();
		for (String property : keyProperties) {
			Object value = this.values.get(property);
			if (value == null) {
				throw new IllegalStateException("key property " + property + " was not read; add it to $select");
			}
			key.put(property, (value instanceof Integer number) ? Long.valueOf(number) : value);
		}
		return new IfsKey(key);
	}

}
