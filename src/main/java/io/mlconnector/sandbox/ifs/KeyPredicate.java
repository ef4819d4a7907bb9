package io.mlconnector.sandbox.ifs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OData key predicates: {@code Company='10',InvoiceId=5}, or a bare value for a
 * single-key type ({@code 'P1001'}). Strings are quoted with {@code ''} escaping; numbers
 * are bare ([OBS]).
 */
final class KeyPredicate {

	private KeyPredicate() {
	}

	static List<Object> parse(String predicate, EntityType type) {
		List<String[]> pairs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < predicate.length(); i++) {
			char c = predicate.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				pairs.add(pair(current.toString()));
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		pairs.add(pair(current.toString()));
		Map<String, Object> values = new HashMap<>();
		if (pairs.size() == 1 && pairs.get(0)[0] == null && type.keys().size() == 1) {
			values.put(type.keys().get(0), literal(type, type.keys().get(0), pairs.get(0)[1]));
		}
		else {
			for (String[] pair : pairs) {
				if (pair[0] == null || !type.keys().contains(pair[0])) {
					throw SandboxException.badRequest("The key predicate (" + predicate + ") of " + type.name()
							+ " must name its keys " + type.keys() + ", e.g. " + example(type) + ".");
				}
				values.put(pair[0], literal(type, pair[0], pair[1]));
			}
		}
		if (!values.keySet().containsAll(type.keys())) {
			throw SandboxException.badRequest("The key predicate (" + predicate + ") of " + type.name()
					+ " must give every key " + type.keys() + ", e.g. " + example(type) + ".");
		}
		return type.keys().stream().map(values::get).toList();
	}

	private static String[] pair(String text) {
		int equals = text.indexOf('=');
		if (equals < 0 || text.trim().startsWith("'")) {
			return new String[] { null, text.trim() };
		}
		return new String[] { text.substring(0, equals).trim(), text.substring(equals + 1).trim() };
	}

	private static Object literal(EntityType type, String key, String text) {
		EdmType keyType = type.properties().get(key);
		boolean quoted = text.length() >= 2 && text.startsWith("'") && text.endsWith("'");
		if (keyType == EdmType.STRING) {
			if (!quoted) {
				throw SandboxException.badRequest(key + " is a string key: quote it, e.g. " + key + "='" + text + "'.");
			}
			return text.substring(1, text.length() - 1).replace("''", "'");
		}
		if (quoted) {
			throw SandboxException.badRequest(key + " is " + keyType.edmName() + ": write it without quotes.");
		}
		try {
			return keyType.fromJson(key, keyType == EdmType.INT ? Long.valueOf(text) : text);
		}
		catch (IllegalArgumentException ex) {
			throw SandboxException.badRequest(key + " is " + keyType.edmName() + ", '" + text + "' is not one.");
		}
	}

	private static String example(EntityType type) {
		StringBuilder example = new StringBuilder(type.name()).append("Set(");
		for (String key : type.keys()) {
			example.append(key)
				.append('=')
				.append(type.properties().get(key) == EdmType.STRING ? "'X'" : "1")
				.append(',');
		}
		example.setLength(example.length() - 1);
		return example.append(')').toString();
	}

}
