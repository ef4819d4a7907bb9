package io.mlconnector.gusto;

import java.nio.charset.StandardCharsets;

import io.mlconnector.secrets.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GustoWebhookSignatureTests {

	static final Secret TOKEN = new Secret("6590f590-3dba-495e-9bea-c361e1e2efc0");

	// Gusto's documented payroll event example, byte for byte
	static final byte[] BODY = ("{\n  \"uuid\": \"e5540567-a6ee-4ce8-bf3e-a12c563db54c\",\n"
			+ "  \"event_type\": \"payroll.updated\",\n  \"resource_type\": \"Company\",\n"
			+ "  \"resource_uuid\": \"5df911a0-e8e9-412d-8aaf-a46ad193dd96\",\n  \"entity_type\": \"Payroll\",\n"
			+ "  \"entity_uuid\": \"c02f2c32-34f7-4128-9145-7d49f0c3f355\",\n  \"timestamp\": 1671058841\n}\n")
		.getBytes(StandardCharsets.UTF_8);

	// HMAC-SHA256(key = verification token, message = body), lowercase hex, computed
	// independently with: openssl dgst -sha256 -hmac "$TOKEN" <
	// webhook_event_payroll.json
	static final String EXPECTED = "ddcae967cd2b6902b437da01828a7e6e8aa7c20848382fdb557c605a779dddd1";

	@Test
	void theSignatureIsTheHexHmacSha256OfTheRawBodyKeyedWithTheVerificationToken() {
		assertThat(GustoWebhookSignature.sign(BODY, TOKEN)).isEqualTo(EXPECTED);
		assertThat(GustoWebhookSignature.matches(BODY, EXPECTED, TOKEN)).isTrue();
	}

	@Test
	void upperCaseHexAndSurroundingSpaceAreAccepted() {
		assertThat(GustoWebhookSignature.matches(BODY, " " + EXPECTED.toUpperCase() + " ", TOKEN)).isTrue();
	}

	@Test
	void aTamperedBodyAWrongKeyAndAMissingHeaderDoNotMatch() {
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("payroll.updated", "payroll.processed")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(GustoWebhookSignature.matches(tampered, EXPECTED, TOKEN)).isFalse();
		assertThat(GustoWebhookSignature.matches(BODY, EXPECTED, new Secret("another-token"))).isFalse();
		assertThat(GustoWebhookSignature.matches(BODY, null, TOKEN)).isFalse();
		assertThat(GustoWebhookSignature.matches(BODY, "", TOKEN)).isFalse();
	}

}
