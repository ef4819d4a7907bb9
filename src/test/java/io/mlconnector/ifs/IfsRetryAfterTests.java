package io.mlconnector.ifs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IfsRetryAfterTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void retryAfterInSecondsIsTakenAsItIs() {
		assertThat(IfsClient.retryAfter("17", this.clock)).isEqualTo(Duration.ofSeconds(17));
	}

	@Test
	void retryAfterAsAnHttpDateIsTheTimeFromTheInjectedClockUntilThen() {
		assertThat(IfsClient.retryAfter("Wed, 02 Dec 2026 10:01:30 GMT", this.clock)).isEqualTo(Duration.ofSeconds(90));
		assertThat(IfsClient.retryAfter("Wed, 02 Dec 2026 09:59:00 GMT", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void aMissingOrUnreadableRetryAfterIsNone() {
		assertThat(IfsClient.retryAfter(null, this.clock)).isNull();
		assertThat(IfsClient.retryAfter("soon", this.clock)).isNull();
	}

}
