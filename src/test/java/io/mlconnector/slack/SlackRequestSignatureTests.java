package io.mlconnector.slack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.mlconnector.secrets.Secret;
import io.mlconnector.slack.SlackRequestSignature.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlackRequestSignatureTests {

	// Slack's documented test vector (docs.slack.dev, "Verifying requests from Slack")
	static final Secret SECRET = new Secret("8f742231b10e8888abcd99yyyzzz85a5");

	static final String TIMESTAMP = "1531420618";

	static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
			+ "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
			+ "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
			+ "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
		.getBytes(StandardCharsets.UTF_8);

	static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

	static final Instant THEN = Instant.ofEpochSecond(1531420618);

	@Test
	void theDocumentedTestVectorIsReproduced() {
		assertThat(SlackRequestSignature.sign(TIMESTAMP, BODY, SECRET)).isEqualTo(SIGNATURE);
		assertThat(SlackRequestSignature.verify(TIMESTAMP, SIGNATURE, BODY, SECRET, THEN)).isEqualTo(Verdict.VALID);
	}

	@Test
	void aRequestJustInsideFiveMinutesIsAcceptedEitherWay() {
		assertThat(SlackRequestSignature.verify(TIMESTAMP, SIGNATURE, BODY, SECRET, THEN.plusSeconds(300)))
			.isEqualTo(Verdict.VALID);
		assertThat(SlackRequestSignature.verify(TIMESTAMP, SIGNATURE, BODY, SECRET, THEN.minusSeconds(300)))
			.isEqualTo(Verdict.VALID);
	}

	@Test
	void aRequestOlderOrNewerThanFiveMinutesIsStale() {
		assertThat(SlackRequestSignature.verify(TIMESTAMP, SIGNATURE, BODY, SECRET, THEN.plusSeconds(301)))
			.isEqualTo(Verdict.STALE);
		assertThat(SlackRequestSignature.verify(TIMESTAMP, SIGNATURE, BODY, SECRET, THEN.minusSeconds(301)))
			.isEqualTo(Verdict.STALE);
		assertThat(SlackRequestSignature.verify("yesterday", SIGNATURE, BODY, SECRET, THEN)).isEqualTo(Verdict.STALE);
	}

	@Test
	void aTimestampBeyondWhatTheClockCanRepresentIsStaleNotAnError() {
		Instant now = Instant.ofEpochSecond(1_767_644_464L);
		for (String timestamp : new String[] { String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE),
				"31556889864403200", "-31557014167219200", "99999999999999999999" }) {
			String signature = SlackRequestSignature.sign(timestamp, "x".getBytes(StandardCharsets.UTF_8),
					new Secret("s"));
			assertThat(SlackRequestSignature.verify(timestamp, signature, "x".getBytes(StandardCharsets.UTF_8),
					new Secret("s"), now))
				.as(timestamp)
				.isEqualTo(Verdict.STALE);
		}
	}

	@Test
	void aTamperedBodyOrAnotherSecretDoesNotMatch() {
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("roadrunner", "coyote")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(SlackRequestSignature.verify(TIMESTAMP, SIGNATURE, tampered, SECRET, THEN))
			.isEqualTo(Verdict.MISMATCH);
		assertThat(SlackRequestSignature.verify(TIMESTAMP, SIGNATURE, BODY, new Secret("another"), THEN))
			.isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void missingHeadersAreReportedAsMissing() {
		assertThat(SlackRequestSignature.verify(null, SIGNATURE, BODY, SECRET, THEN)).isEqualTo(Verdict.MISSING);
		assertThat(SlackRequestSignature.verify(TIMESTAMP, null, BODY, SECRET, THEN)).isEqualTo(Verdict.MISSING);
	}

}
