package io.mlconnector.secrets;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTests {

	static final String OLD = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);

	static final String NEW = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	@Test
	void aTokenDecryptsWithItsKeyIdAndAssociatedData() {
		TokenCipher cipher = new TokenCipher(new SecretsProperties(new Secret(NEW), List.of()));

		String sealed = cipher.encrypt(new Secret("access-token"), "oauth_token/acme/GUSTO/access");

		assertThat(sealed).doesNotContain("access-token");
		assertThat(cipher.currentKeyId()).isEqualTo("k2");
		assertThat(cipher.decrypt("k2", sealed, "oauth_token/acme/GUSTO/access").value()).isEqualTo("access-token");
	}

	@Test
	void encryptingTwiceGivesDifferentCiphertexts() {
		TokenCipher cipher = new TokenCipher(new SecretsProperties(new Secret(NEW), List.of()));

		assertThat(cipher.encrypt(new Secret("t"), "a")).isNotEqualTo(cipher.encrypt(new Secret("t"), "a"));
	}

	@Test
	void tokensOfARetiredKeyStayReadableWhileItIsAPreviousKey() {
		String sealed = new TokenCipher(new SecretsProperties(new Secret(OLD), List.of())).encrypt(new Secret("t"),
				"a");
		TokenCipher rotated = new TokenCipher(new SecretsProperties(new Secret(NEW), List.of(new Secret(OLD))));

		assertThat(rotated.decrypt("k1", sealed, "a").value()).isEqualTo("t");
		assertThat(rotated.currentKeyId()).isEqualTo("k2");
		assertThatThrownBy(
				() -> new TokenCipher(new SecretsProperties(new Secret(NEW), List.of())).decrypt("k1", sealed, "a"))
			.isInstanceOf(TokenDecryptionException.class)
			.hasMessageContaining("key 'k1'")
			.hasMessageContaining("previous-keys");
	}

	@Test
	void aTamperedCiphertextOrAnotherRowsAssociatedDataDoesNotDecrypt() {
		TokenCipher cipher = new TokenCipher(new SecretsProperties(new Secret(NEW), List.of()));
		String sealed = cipher.encrypt(new Secret("t"), "oauth_token/acme/GUSTO/access");
		byte[] bytes = Base64.getDecoder().decode(sealed);
		bytes[bytes.length - 1] ^= 1;

		assertThatThrownBy(
				() -> cipher.decrypt("k2", Base64.getEncoder().encodeToString(bytes), "oauth_token/acme/GUSTO/access"))
			.isInstanceOf(TokenDecryptionException.class);
		assertThatThrownBy(() -> cipher.decrypt("k2", sealed, "oauth_token/other/GUSTO/access"))
			.isInstanceOf(TokenDecryptionException.class);
	}

	@Test
	void aKeyWithoutIdGetsOneDerivedFromIt() {
		String bare = Base64.getEncoder().encodeToString(new byte[32]);

		assertThat(new TokenCipher(new SecretsProperties(new Secret(bare), List.of())).currentKeyId())
			.startsWith("sha256-")
			.hasSize(19);
	}

	@Test
	void aMissingOrMalformedKeySaysWhatToSet() {
		assertThatIllegalStateException().isThrownBy(() -> new TokenCipher(new SecretsProperties(null, List.of())))
			.withMessageContaining("MLC_SECRET_KEY");
		assertThatIllegalStateException()
			.isThrownBy(() -> new TokenCipher(new SecretsProperties(new Secret("k:c2hvcnQ="), List.of())))
			.withMessageContaining("32 bytes");
		assertThatIllegalStateException()
			.isThrownBy(() -> new TokenCipher(new SecretsProperties(new Secret("k:not base64!"), List.of())))
			.withMessageContaining("base64");
	}

}
