package io.mlconnector.ifs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Formats values as OData v4 literals (OData ABNF, as IFS accepts them [DOC]/[OBS]):
 * strings quoted with {@code '} and inner quotes doubled, numbers bare, dates and
 * DateTimeOffsets unquoted ISO 8601 ({@code 2025-01-31}, {@code 2025-01-31T12:00:00Z}),
 * {@code true}, {@code false}, {@code null}. Use it for every value that goes into a key
 * predicate or a {@code $filter}, never string concatenation.
 */
public final class ODataLiteral {

	private static final DateTimeFormatter DATE_TIME_OFFSET = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSSSSS]XXX");

	private ODataLiteral() {
	}

	/**
	 * The literal for a value.
	 * @param value a String, integral or decimal number, Boolean, LocalDate, Instant,
	 * OffsetDateTime, UUID or null
	 * @return the literal
	 * @throws IllegalArgumentException for a type OData literals do not cover here (a
	 * double, for example: use BigDecimal)
	 */
	public static String format(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String text) {
			return "'" + text.replace("'", "''") + "'";
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			return value.toString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Boolean bool) {
			return bool.toString();
		}
		if (value instanceof LocalDate date) {
			return date.toString();
		}
		if (value instanceof Instant instant) {
			return format(instant.atOffset(ZoneOffset.UTC));
		}
		if (value instanceof OffsetDateTime dateTime) {
			OffsetDateTime micros = dateTime.truncatedTo(ChronoUnit.MICROS);
			String text = DATE_TIME_OFFSET.format(micros);
			return (micros.getNano() == 0) ? text.replace(".000000", "") : text;
		}
		if (value instanceof UUID uuid) {
			return uuid.toString();
		}
		throw new IllegalArgumentException("No OData literal for a " + value.getClass().getSimpleName() + " (" + value
				+ "); use String, Long, BigDecimal, Boolean, LocalDate, Instant or OffsetDateTime");
	}

	/**
	 * A comparison for {@code $filter}, e.g. {@code InvoiceNo eq 'O''Brien'}.
	 * @param property the property name
	 * @param operator {@code eq}, {@code ne}, {@code gt}, {@code ge}, {@code lt} or
	 * {@code le}
	 * @param value the value, formatted with {@link #format(Object)}
	 * @return the expression
	 */
	public static String compare(String property, String operator, Object value) {
		if (!property.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("'" + property + "' is not an OData property name");
		}
		if (!operator.matches("eq|ne|gt|ge|lt|le")) {
			throw new IllegalArgumentException("'" + operator + "' is not a comparison operator (eq ne gt ge lt le)");
		}
		return property + " " + operator + " " + format(value);
	}

}
