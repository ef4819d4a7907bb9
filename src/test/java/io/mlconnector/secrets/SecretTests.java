package io.mlconnector.secrets;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTests {

	record Holder(String name, Secret secret) {

	}

	@Test
	void aSecretIsNeverSerialisedWithItsValue() {
		JsonMapper json = JsonMapper.builder().build();

		assertThat(json.writeValueAsString(new Secret("s3cr3t-value"))).doesNotContain("s3cr3t-value")
			.isEqualTo("\"[redacted]\"");
		assertThat(json.writeValueAsString(new Holder("slack", new Secret("s3cr3t-value"))))
			.doesNotContain("s3cr3t-value");
		assertThat(json.writeValueAsString(Map.of("token", new Secret("s3cr3t-value")))).doesNotContain("s3cr3t-value");
	}

	@Test
	void aSecretIsNeverPrintedWithItsValue() {
		assertThat(new Secret("s3cr3t-value")).hasToString("[redacted]");
		assertThat(new Holder("slack", new Secret("s3cr3t-value")).toString()).doesNotContain("s3cr3t-value");
	}

}
