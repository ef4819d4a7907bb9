package io.mlconnector.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A secret value (client secret, signing secret, bot token) that never shows up in logs,
 * {@code toString()} output, JSON (it serialises as {@code "[redacted]"}), actuator
 * endpoints or failure messages.
 *
 * @param value the secret itself; read it only where it is sent to the system that issued
 * it
 */
public record Secret(String value) {

	public Secret {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("a secret must not be blank");
		}
	}

	/**
	 * Compares with another value in constant time.
	 * @param candidate the value to compare
	 * @return whether both are equal
	 */
	public boolean matches(String candidate) {
		return candidate != null && MessageDigest.isEqual(this.value.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	@JsonValue
	public String toString() {
		return "[redacted]";
	}

}
