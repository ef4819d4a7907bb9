package io.mlconnector.gusto;

import java.util.List;
import java.util.Map;

/**
 * Gusto's error body [SPEC {@code Entity-Error-Object}]: {@code {"errors":[{error_key,
 * category, message, metadata?, errors?}]}}. A version below the minimum gets a different
 * shape, {@code {name, message}} [DOC getting-setup].
 *
 * @param errors the errors
 * @param name the title of a 406 below-minimum-version answer
 * @param message the message of a 406 below-minimum-version answer
 */
public record GustoErrors(List<Error> errors, String name, String message) {

	public GustoErrors {
		errors = (errors != null) ? errors : List.of();
	}

	/**
	 * One error.
	 *
	 * @param errorKey the attribute or parameter concerned ({@code base},
	 * {@code request}, a field name)
	 * @param category the group to branch on, for example
	 * {@code invalid_resource_version}
	 * @param message human-readable message; never branched on
	 * @param metadata further facts
	 * @param errors nested errors (category {@code nested_errors})
	 */
	public record Error(String errorKey, String category, String message, Map<String, Object> metadata,
			List<Error> errors) {

		public Error {
			errors = (errors != null) ? errors : List.of();
		}

	}

}
