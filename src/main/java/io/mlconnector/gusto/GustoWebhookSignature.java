package io.mlconnector.gusto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.mlconnector.secrets.Secret;

/**
 * Gusto's webhook signature: HMAC-SHA256 of the raw request body, keyed with the
 * subscription's verification token [documented]. The header is documented as
 * {@code x_gusto_signature} and read by receivers as {@code X-Gusto-Signature}; the
 * encoding is not documented and third parties use lowercase hex [assumption, confirm in
 * Gusto's demo environment].
 */
public final class GustoWebhookSignature {

	/** Header names the signature may arrive under (compared case-insensitively). */
	public static final String[] HEADER_NAMES = { "X-Gusto-Signature", "x_gusto_signature" };

	private static final String ALGORITHM = "HmacSHA256";

	private GustoWebhookSignature() {
	}

	/**
	 * Computes the signature of a body.
	 * @param body the raw request body
	 * @param verificationToken the subscription's verification token
	 * @return lowercase hex HMAC-SHA256
	 */
	public static String sign(byte[] body, Secret verificationToken) {
		return HexFormat.of().formatHex(hmac(body, verificationToken));
	}

	/**
	 * Checks a signature in constant time.
	 * @param body the raw request body
	 * @param signature the header value, or {@code null} if absent
	 * @param verificationToken the subscription's verification token
	 * @return whether the signature matches
	 */
	public static boolean matches(byte[] body, String signature, Secret verificationToken) {
		if (signature == null || signature.isBlank()) {
			return false;
		}
		byte[] expected = sign(body, verificationToken).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, actual);
	}

	private static byte[] hmac(byte[] body, Secret key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key.value().getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
