package io.mlconnector.sandbox.ifs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code $filter}: comparisons ({@code eq ne gt ge lt le}) of a property with a
 * literal, {@code and}, {@code or}, {@code not}, parentheses, and the string functions
 * {@code contains}, {@code startswith}, {@code endswith}. Literals follow the OData ABNF:
 * quoted strings with {@code ''} escaping, unquoted dates and DateTimeOffsets, numbers,
 * {@code true}, {@code false}, {@code null}. Everything else IFS does not support or the
 * sandbox does not simulate (lambdas, arithmetic, {@code has}, {@code in}, other
 * functions) is a 501; a malformed expression is a 400 saying where.
 */
sealed interface Filter {

	boolean test(Row row);

	enum Op {

		EQ, NE, GT, GE, LT, LE;

		boolean holds(int compared) {
			return switch (this) {
				case EQ -> compared == 0;
				case NE -> compared != 0;
				case GT -> compared > 0;
				case GE -> compared >= 0;
				case LT -> compared < 0;
				case LE -> compared <= 0;
			};
		}

	}

	record Or(Filter left, Filter right) implements Filter {

		@Override
		public boolean test(Row row) {
			return this.left.test(row) || this.right.test(row);
		}

	}

	record And(Filter left, Filter right) implements Filter {

		@Override
		public boolean test(Row row) {
			return this.left.test(row) && this.right.test(row);
		}

	}

	record Not(Filter operand) implements Filter {

		@Override
		public boolean test(Row row) {
			return !this.operand.test(row);
		}

	}

	record Compare(String property, Op op, Object literal) implements Filter {

		@Override
		public boolean test(Row row) {
			Object value = row.get(this.property);
			if (this.literal == null || value == null) {
				// OData: null eq null is true, null compared otherwise is false
				boolean bothNull = this.literal == null && value == null;
				return switch (this.op) {
					case EQ -> bothNull;
					case NE -> !bothNull;
					default -> false;
				};
			}
			return this.op.holds(EdmType.compare(value, this.literal));
		}

	}

	record StringFunction(String function, String property, String argument) implements Filter {

		@Override
		public boolean test(Row row) {
			if (!(row.get(this.property) instanceof String value)) {
				return false;
			}
			return switch (this.function) {
				case "contains" -> value.contains(this.argument);
				case "startswith" -> value.startsWith(this.argument);
				default -> value.endsWith(this.argument);
			};
		}

	}

	/**
	 * Parses a filter for an entity type.
	 * @param text the {@code $filter} value, URL-decoded
	 * @param type the entity type queried
	 * @return the filter
	 * @throws SandboxException 400 or 501
	 */
	static Filter parse(String text, EntityType type) {
		return new Parser(text, type).parse();
	}

	final class Parser {

		private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

		private static final Pattern DATE_TIME_OFFSET = Pattern
			.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,12})?)?(?:Z|[+-]\\d{2}:\\d{2})");

		private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

		private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");

		private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

		private static final Set<String> STRING_FUNCTIONS = Set.of("contains", "startswith", "endswith");

		private static final Set<String> UNSUPPORTED_OPERATORS = Set.of("add", "sub", "mul", "div", "divby", "mod",
				"has", "in");

		private final String text;

		private final EntityType type;

		private int position;

		Parser(String text, EntityType type) {
			this.text = text;
			this.type = type;
		}

		Filter parse() {
			Filter filter = or();
			skipSpaces();
			if (this.position < this.text.length()) {
				throw error("unexpected '" + rest() + "'");
			}
			return filter;
		}

		private Filter or() {
			Filter left = and();
			while (keyword("or")) {
				left = new Or(left, and());
			}
			return left;
		}

		private Filter and() {
			Filter left = unary();
			while (keyword("and")) {
				left = new And(left, unary());
			}
			return left;
		}

		private Filter unary() {
			if (keyword("not")) {
				return new Not(unary());
			}
			skipSpaces();
			if (peek('(')) {
				this.position++;
				Filter inner = or();
				expect(')');
				return inner;
			}
			String name = identifier();
			skipSpaces();
			if (peek('(')) {
				return function(name);
			}
			if (peek('/')) {
				throw SandboxException.notImplemented("$filter: navigation paths and lambda operators (any/all) are "
						+ "not supported: '" + name + rest() + "'");
			}
			EdmType propertyType = property(name);
			String operator = identifier().toLowerCase(Locale.ROOT);
			if (UNSUPPORTED_OPERATORS.contains(operator)) {
				throw SandboxException.notImplemented("$filter: operator '" + operator + "' is not supported");
			}
			Op op;
			try {
				op = Op.valueOf(operator.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw error("'" + operator + "' is not a comparison operator (eq, ne, gt, ge, lt, le)");
			}
			Object literal = literal(name, propertyType);
			if (literal == null && op != Op.EQ && op != Op.NE) {
				throw error("null can only be compared with eq or ne");
			}
			return new Compare(name, op, literal);
		}

		private Filter function(String name) {
			if (!STRING_FUNCTIONS.contains(name)) {
				throw SandboxException.notImplemented("$filter: function '" + name
						+ "' is not supported by the sandbox (supported: contains, startswith, endswith)");
			}
			expect('(');
			skipSpaces();
			String property = identifier();
			if (property(property) != EdmType.STRING) {
				throw error(name + "() needs a string property, " + property + " is not one");
			}
			expect(',');
			skipSpaces();
			Matcher matcher = match(STRING);
			if (matcher == null) {
				throw error(name + "() needs a quoted string literal as its second argument");
			}
			String argument = unquote(matcher.group());
			expect(')');
			return new StringFunction(name, property, argument);
		}

		private Object literal(String property, EdmType propertyType) {
			skipSpaces();
			Matcher matcher;
			if ((matcher = match(STRING)) != null) {
				if (propertyType != EdmType.STRING) {
					throw error(property + " is " + propertyType.edmName() + ": write the literal without quotes"
							+ (propertyType == EdmType.DATE ? ", e.g. 2025-01-31"
									: (propertyType == EdmType.DATE_TIME_OFFSET ? ", e.g. 2025-01-31T12:00:00Z" : "")));
				}
				return unquote(matcher.group());
			}
			if ((matcher = match(DATE_TIME_OFFSET)) != null) {
				if (propertyType != EdmType.DATE_TIME_OFFSET) {
					throw error(property + " is " + propertyType.edmName() + ", not Edm.DateTimeOffset: '"
							+ matcher.group() + "'");
				}
				try {
					return OffsetDateTime.parse(matcher.group()).toInstant().truncatedTo(ChronoUnit.MICROS);
				}
				catch (DateTimeParseException ex) {
					throw error("'" + matcher.group() + "' is not a valid DateTimeOffset");
				}
			}
			if ((matcher = match(DATE)) != null) {
				if (propertyType != EdmType.DATE) {
					throw error(property + " is " + propertyType.edmName() + ", not Edm.Date: '" + matcher.group() + "'"
							+ (propertyType == EdmType.DATE_TIME_OFFSET
									? "; write a DateTimeOffset such as " + matcher.group() + "T00:00:00Z" : ""));
				}
				try {
					return LocalDate.parse(matcher.group());
				}
				catch (DateTimeParseException ex) {
					throw error("'" + matcher.group() + "' is not a valid date");
				}
			}
			if ((matcher = match(NUMBER)) != null) {
				return switch (propertyType) {
					case INT -> {
						try {
							yield Long.valueOf(new BigDecimal(matcher.group()).longValueExact());
						}
						catch (ArithmeticException ex) {
							throw error(property + " is Edm.Int64, '" + matcher.group() + "' is not an integer");
						}
					}
					case DECIMAL -> new BigDecimal(matcher.group());
					default -> throw error(property + " is " + propertyType.edmName() + ": '" + matcher.group() + "'"
							+ (propertyType == EdmType.STRING ? " must be quoted: '" + matcher.group() + "'" : ""));
				};
			}
			String word = identifier();
			switch (word) {
				case "null" -> {
					return null;
				}
				case "true", "false" -> {
					if (propertyType != EdmType.BOOLEAN) {
						throw error(property + " is " + propertyType.edmName() + ", not Edm.Boolean");
					}
					return Boolean.valueOf(word);
				}
				default -> {
					if (peek('\'')) {
						throw SandboxException.notImplemented("$filter: typed literals such as " + word
								+ "'...' are not supported; dates and DateTimeOffsets are written unquoted");
					}
					throw error("'" + word + "' is not a literal; only comparisons of a property with a literal "
							+ "are supported");
				}
			}
		}

		private EdmType property(String name) {
			EdmType propertyType = this.type.properties().get(name);
			if (propertyType == null) {
				throw error(name + " is not a property of " + this.type.name() + "; properties: "
						+ this.type.properties().keySet());
			}
			return propertyType;
		}

		private boolean keyword(String keyword) {
			skipSpaces();
			int end = this.position + keyword.length();
			if (this.text.regionMatches(true, this.position, keyword, 0, keyword.length())
					&& (end == this.text.length() || !Character.isLetterOrDigit(this.text.charAt(end)))
					&& (end < this.text.length() && (this.text.charAt(end) == ' ' || this.text.charAt(end) == '('))) {
				this.position = end;
				return true;
			}
			return false;
		}

		private String identifier() {
			skipSpaces();
			Matcher matcher = match(IDENTIFIER);
			if (matcher == null) {
				throw error((this.position < this.text.length()) ? "unexpected '" + rest() + "'"
						: "the expression ends too early");
			}
			return matcher.group();
		}

		private Matcher match(Pattern pattern) {
			Matcher matcher = pattern.matcher(this.text).region(this.position, this.text.length());
			if (matcher.lookingAt()) {
				this.position = matcher.end();
				return matcher;
			}
			return null;
		}

		private void expect(char expected) {
			skipSpaces();
			if (!peek(expected)) {
				throw error("expected '" + expected + "'"
						+ ((this.position < this.text.length()) ? " at '" + rest() + "'" : " at the end"));
			}
			this.position++;
		}

		private boolean peek(char expected) {
			return this.position < this.text.length() && this.text.charAt(this.position) == expected;
		}

		private void skipSpaces() {
			while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
				this.position++;
			}
		}

		private String rest() {
			String rest = this.text.substring(this.position);
			return (rest.length() > 40) ? rest.substring(0, 40) + "..." : rest;
		}

		private SandboxException error(String message) {
			return SandboxException
				.badRequest("Invalid $filter '" + this.text + "' at position " + this.position + ": " + message + ".");
		}

		private static String unquote(String quoted) {
			return quoted.substring(1, quoted.length() - 1).replace("''", "'");
		}

	}

}
