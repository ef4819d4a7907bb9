package io.mlconnector.sandbox.ifs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The OData primitive types the simulated entities use, with conversion of JSON values
 * and filter literals to the stored Java values.
 */
enum EdmType {

	STRING("Edm.String"), INT("Edm.Int64"), DECIMAL("Edm.Decimal"), DATE("Edm.Date"),
	DATE_TIME_OFFSET("Edm.DateTimeOffset"), BOOLEAN("Edm.Boolean");

	private final String edmName;

	EdmType(String edmName) {
		this.edmName = edmName;
	}

	String edmName() {
		return this.edmName;
	}

	/**
	 * Converts a value read from a JSON body.
	 * @param property the property, for messages
	 * @param value the JSON value (String, Number, Boolean or null)
	 * @return the stored value
	 * @throws IllegalArgumentException with a message naming the property
	 */
	Object fromJson(String property, Object value) {
		if (value == null) {
			return null;
		}
		try {
			return switch (this) {
				case STRING -> {
					if (!(value instanceof String)) {
						throw new IllegalArgumentException(property + " must be a string");
					}
					yield value;
				}
				case INT ->
					(value instanceof Number number) ? Long.valueOf(new BigDecimal(number.toString()).longValueExact())
							: Long.valueOf(Long.parseLong(value.toString()));
				case DECIMAL -> new BigDecimal(value.toString());
				case DATE -> LocalDate.parse(value.toString());
				case DATE_TIME_OFFSET ->
					OffsetDateTime.parse(value.toString()).toInstant().truncatedTo(ChronoUnit.SECONDS);
				case BOOLEAN -> {
					if (!(value instanceof Boolean)) {
						throw new IllegalArgumentException(property + " must be true or false");
					}
					yield value;
				}
			};
		}
		catch (NumberFormatException | ArithmeticException | DateTimeParseException ex) {
			throw new IllegalArgumentException(property + " is not a valid " + this.edmName + ": '" + value + "'", ex);
		}
	}

	/**
	 * The JSON representation of a stored value.
	 * @param value the stored value
	 * @return a String, Number, Boolean or null
	 */
	Object toJson(Object value) {
		if (value == null) {
			return null;
		}
		return switch (this) {
			case DATE, DATE_TIME_OFFSET -> value.toString();
			default -> value;
		};
	}

	/**
	 * Text form used in opaque skip tokens.
	 * @param value the stored value
	 * @return the text, or null
	 */
	String toText(Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
	}

	Object fromText(String text) {
		if (text == null) {
			return null;
		}
		return switch (this) {
			case STRING -> text;
			case INT -> Long.valueOf(text);
			case DECIMAL -> new BigDecimal(text);
			case DATE -> LocalDate.parse(text);
			case DATE_TIME_OFFSET -> Instant.parse(text);
			case BOOLEAN -> Boolean.valueOf(text);
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static int compare(Object left, Object right) {
		if (left == null || right == null) {
			return (left == null) ? ((right == null) ? 0 : -1) : 1;
		}
		if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
			return a.compareTo(b);
		}
		return ((Comparable) left).compareTo(right);
	}

}
