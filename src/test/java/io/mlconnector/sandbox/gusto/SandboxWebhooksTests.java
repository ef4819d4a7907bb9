package io.mlconnector.sandbox.gusto;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.mlconnector.gusto.GustoWebhookSignature;
import io.mlconnector.secrets.Secret;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxWebhooksTests {

	static final String TOKEN = "6590f590-3dba-495e-9bea-c361e1e2efc0";

	static final byte[] BODY = "{\"uuid\":\"f7397a24-57ad-4fae-b011-d258e8232900\",\"event_type\":\"payroll.processed\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void theSandboxSignsWithTheDocumentedAlgorithmAndTheConnectorVerifiesIt() {
		String signature = webhooks("hex").sign(BODY);

		// HMAC-SHA256(raw body, key = verification token), lowercase hex, computed
		// independently
		assertThat(signature).isEqualTo("614e3e976d69b91dc2bb02bb4a9fd1c920c8152b397209093ae1f9b98086da63");
		assertThat(GustoWebhookSignature.matches(BODY, signature, new Secret(TOKEN))).isTrue();
		assertThat(GustoWebhookSignature.matches(BODY, signature, new Secret("another-token"))).isFalse();
	}

	@Test
	void theBase64VariantIsTheSameMacAndTheConnectorRefusesIt() {
		String signature = webhooks("base64").sign(BODY);

		assertThat(signature).isEqualTo("YU4+l21puR3CuwK7Sp/RySDIFSs5cgkJOuH5uYCG2mM=");
		assertThat(GustoWebhookSignature.matches(BODY, signature, new Secret(TOKEN))).isFalse();
	}

	private static SandboxWebhooks webhooks(String encoding) {
		GustoSandboxProperties properties = new GustoSandboxProperties("c", "s", TOKEN, Duration.ofHours(2), 200,
				Duration.ofMinutes(1), 100, "2024-04-01", "2025-06-15", "company", 1, 1, null, Duration.ofSeconds(10),
				Duration.ofSeconds(1), Duration.ofHours(1), 16, encoding);
		return new SandboxWebhooks(WebClient.builder().build(), JsonMapper.builder().build(), Clock.systemUTC(),
				properties, TOKEN);
	}

}
