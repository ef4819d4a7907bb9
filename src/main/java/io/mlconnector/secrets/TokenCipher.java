package io.mlconnector.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of tokens at rest. Each ciphertext is stored with the id of the
 * key that made it, so keys can rotate: new values use the current key, old values stay
 * readable while their key is listed as a previous key. The associated data binds a
 * ciphertext to its row (for example tenant and provider), so a ciphertext copied into
 * another row does not decrypt.
 */
public class TokenCipher {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final String currentKeyId;

	private final Map<String, SecretKey> keys;

	/**
	 * Creates a cipher from configured keys.
	 * @param properties the keys
	 * @throws IllegalStateException if no key is configured or a key is malformed
	 */
	public TokenCipher(SecretsProperties properties) {
		if (properties.key() == null) {
			throw new IllegalStateException("No encryption key for OAuth tokens is configured: set MLC_SECRET_KEY to "
					+ "'<key id>:<base64 of 32 random bytes>', for example \"k1:$(openssl rand -base64 32)\"");
		}
		Map<String, SecretKey> all = new LinkedHashMap<>();
		List<Secret> configured = new ArrayList<>();
		configured.add(properties.key());
		configured.addAll(properties.previousKeys());
		String current = null;
		for (Secret secret : configured) {
			Map.Entry<String, SecretKey> key = parse(secret.value());
			all.putIfAbsent(key.getKey(), key.getValue());
			current = (current != null) ? current : key.getKey();
		}
		this.currentKeyId = current;
		this.keys = Map.copyOf(all);
	}

	/**
	 * The id of the key new values are encrypted with.
	 * @return the key id
	 */
	public String currentKeyId() {
		return this.currentKeyId;
	}

	/**
	 * Encrypts with the current key.
	 * @param plaintext the value
	 * @param associatedData what the value belongs to; the same is needed to decrypt
	 * @return base64 of nonce, ciphertext and tag
	 */
	public String encrypt(Secret plaintext, String associatedData) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.value().getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * Decrypts a value.
	 * @param keyId the id stored with the value
	 * @param ciphertext base64 of nonce, ciphertext and tag
	 * @param associatedData what the value belongs to
	 * @return the value
	 * @throws TokenDecryptionException if the key is unknown or the value was tampered
	 * with
	 */
	public Secret decrypt(String keyId, String ciphertext, String associatedData) {
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			throw new TokenDecryptionException("the token was encrypted with key '" + keyId
					+ "', which is not configured; add it to mlc.secrets.previous-keys or reconnect");
		}
		try {
			byte[] all = Base64.getDecoder().decode(ciphertext);
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
			return new Secret(new String(plain, StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new TokenDecryptionException(
					"the stored token does not decrypt with key '" + keyId + "' (wrong key or tampered value)");
		}
	}

	private static Map.Entry<String, SecretKey> parse(String configured) {
		int colon = configured.indexOf(':');
		String id = (colon > 0) ? configured.substring(0, colon) : null;
		String encoded = (colon > 0) ? configured.substring(colon + 1) : configured;
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("MLC_SECRET_KEY (or a previous key) is not valid base64; expected "
					+ "'<key id>:<base64 of 32 random bytes>'");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(
					"an encryption key must be 32 bytes (AES-256), but " + ((id != null) ? "key '" + id + "'" : "a key")
							+ " has " + bytes.length + "; create one with `openssl rand -base64 32`");
		}
		if (id == null) {
			id = derivedId(bytes);
		}
		if (id.length() > 64) {
			throw new IllegalStateException("an encryption key id is at most 64 characters, was " + id.length());
		}
		return Map.entry(id, new SecretKeySpec(bytes, "AES"));
	}

	private static String derivedId(byte[] key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
			return "sha256-" + HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
