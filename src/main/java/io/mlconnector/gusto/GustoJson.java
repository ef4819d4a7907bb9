package io.mlconnector.gusto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How Gusto's JSON is read: snake_case names; every decimal (money, hours, rates) from a
 * string or a number, never through a float, with at least two decimals; dates that do
 * not parse (the spec examples carry {@code "nil"}) read as {@code null}.
 */
final class GustoJson {

	private GustoJson() {
	}

	/**
	 * The mapper for Gusto's API, derived from the application's.
	 * @param base the application's mapper
	 * @return the Gusto mapper
	 */
	static JsonMapper mapper(JsonMapper base) {
		SimpleModule module = new SimpleModule("gusto");
		module.addDeserializer(BigDecimal.class, new DecimalDeserializer());
		module.addDeserializer(LocalDate.class, new LenientDateDeserializer());
		module.addDeserializer(OffsetDateTime.class, new LenientDateTimeDeserializer());
		return base.rebuild().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).addModule(module).build();
	}

	/**
	 * Money is to the cent [SPEC]: a value with fewer than two decimals gets two; hours
	 * keep their three ("40.000").
	 * @param value the parsed value
	 * @return the value with scale of at least 2
	 */
	static BigDecimal atLeastCents(BigDecimal value) {
		return (value.scale() < 2) ? value.setScale(2) : value;
	}

	static final class DecimalDeserializer extends ValueDeserializer<BigDecimal> {

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
				return atLeastCents(parser.getDecimalValue());
			}
			if (token == JsonToken.VALUE_STRING) {
				String text = parser.getString().trim();
				if (text.isEmpty()) {
					return null;
				}
				try {
					return atLeastCents(new BigDecimal(text));
				}
				catch (NumberFormatException ex) {
					throw context.weirdStringException(text, BigDecimal.class,
							"expected a decimal amount such as \"1234.56\"");
				}
			}
			return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
		}

	}

	static final class LenientDateDeserializer extends ValueDeserializer<LocalDate> {

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				parser.skipChildren();
				return null;
			}
			return date(parser.getString().trim());
		}

		static LocalDate date(String text) {
			if (text.length() < 10) {
				return null;
			}
			try {
				return LocalDate.parse(text.substring(0, 10));
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

	}

	static final class LenientDateTimeDeserializer extends ValueDeserializer<OffsetDateTime> {

		@Override
		public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				parser.skipChildren();
				return null;
			}
			String text = parser.getString().trim();
			try {
				return OffsetDateTime.parse(text);
			}
			catch (DateTimeParseException ex) {
				LocalDate date = LenientDateDeserializer.date(text);
				return (date != null) ? date.atStartOfDay().atOffset(ZoneOffset.UTC) : null;
			}
		}

	}

}
