package io.mlconnector.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.mlconnector.secrets.Secret;

/**
 * Slack's request signing (v0): {@code X-Slack-Signature} is {@code v0=} +
 * hex(HMAC-SHA256( signing secret, "v0:" + X-Slack-Request-Timestamp + ":" + raw body));
 * requests whose timestamp is more than five minutes away from now are refused, against
 * replays.
 */
public final class SlackRequestSignature {

	/** Header carrying the signature. */
	public static final String SIGNATURE_HEADER = "X-Slack-Signature";

	/** Header carrying the request timestamp (Unix seconds). */
	public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";

	/** How far a request timestamp may be from now, either way. */
	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	private SlackRequestSignature() {
	}

	/**
	 * Computes the signature Slack sends.
	 * @param timestamp the request timestamp header value
	 * @param body the raw body
	 * @param signingSecret the app's signing secret
	 * @return {@code v0=<hex>}
	 */
	public static String sign(String timestamp, byte[] body, Secret signingSecret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingSecret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Checks a request.
	 * @param timestamp the {@code X-Slack-Request-Timestamp} value, or {@code null}
	 * @param signature the {@code X-Slack-Signature} value, or {@code null}
	 * @param body the raw body
	 * @param signingSecret the app's signing secret
	 * @param now the current time
	 * @return the outcome
	 */
	public static Verdict verify(String timestamp, String signature, byte[] body, Secret signingSecret, Instant now) {
		if (timestamp == null || signature == null) {
			return Verdict.MISSING;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.trim());
		}
		catch (NumberFormatException ex) {
			return Verdict.STALE;
		}
		// compared as seconds: a timestamp beyond what Instant can hold is stale, not an
		// error (now +/- five minutes cannot overflow)
		long nowSeconds = now.getEpochSecond();
		if (seconds < nowSeconds - TOLERANCE.toSeconds() || seconds > nowSeconds + TOLERANCE.toSeconds()) {
			return Verdict.STALE;
		}
		byte[] expected = sign(timestamp.trim(), body, signingSecret).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII)) ? Verdict.VALID
				: Verdict.MISMATCH;
	}

	/**
	 * The outcome of a verification.
	 */
	public enum Verdict {

		/** Signature and timestamp are good. */
		VALID,

		/** A header is missing. */
		MISSING,

		/** The timestamp is unreadable or more than five minutes from now. */
		STALE,

		/** The signature does not match. */
		MISMATCH

	}

}
