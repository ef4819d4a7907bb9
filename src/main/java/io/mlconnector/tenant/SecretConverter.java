package io.mlconnector.tenant;

import io.mlconnector.secrets.Secret;

import org.springframework.core.convert.converter.Converter;

/**
 * Binds configuration values (normally {@code ${SOME_ENV_VARIABLE}} placeholders) to
 * {@link Secret}. A blank value binds to {@code null} so that {@code @NotNull} reports
 * the missing key instead of a conversion failure.
 */
class SecretConverter implements Converter<String, Secret> {

	@Override
	public Secret convert(String source) {
		return source.isBlank() ? null : new Secret(source);
	}

}
