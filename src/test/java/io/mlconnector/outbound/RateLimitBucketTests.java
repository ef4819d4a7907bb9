package io.mlconnector.outbound;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitBucketTests {

	@ParameterizedTest
	@CsvSource({ "200, PT60S", "200, PT3S", "1000, PT60S", "1, PT1S", "7, PT10S" })
	void noRollingWindowEverSeesMoreThanTheLimitWhenCallersTakeEveryPermitAtOnce(long requests, Duration window) {
		// given callers that send the moment a permit is theirs, for five windows
		ManualTime time = new ManualTime();
		Bucket bucket = Bucket.builder()
			.addLimit(JdbcRequestBudget.configuration(new RateLimit(requests, window)).getBandwidths()[0])
			.withCustomTimePrecision(time)
			.build();
		long end = window.multipliedBy(5).toNanos();
		Deque<Long> sent = new ArrayDeque<>();
		long maxInWindow = 0;
		long total = 0;
		// when each permit is reserved and the request sent after the wait it was given
		while (time.now.get() < end) {
			long wait = bucket.consumeIgnoringRateLimits(1);
			time.now.addAndGet(wait);
			sent.addLast(time.now.get());
			total++;
			while (sent.peekFirst() <= time.now.get() - window.toNanos()) {
				sent.removeFirst();
			}
			maxInWindow = Math.max(maxInWindow, sent.size());
		}
		// then no window held more than the limit, and the bucket's whole refill was
		// used: callers never waited for nothing
		var bandwidth = JdbcRequestBudget.configuration(new RateLimit(requests, window)).getBandwidths()[0];
		assertThat(maxInWindow).isLessThanOrEqualTo(requests);
		assertThat(total).isGreaterThanOrEqualTo(bandwidth.getCapacity() + 5 * bandwidth.getRefillTokens() - 1);
	}

	@Test
	void aLimitOfTwoHundredPerMinuteAllowsABurstOfTenAndRefillsOneHundredEightyTwo() {
		var bandwidth = JdbcRequestBudget.configuration(RateLimit.perMinute(200)).getBandwidths()[0];
		assertThat(bandwidth.getCapacity()).isEqualTo(10);
		assertThat(bandwidth.getRefillTokens()).isEqualTo(182);
		assertThat(bandwidth.getRefillPeriodNanos()).isEqualTo(Duration.ofMinutes(1).toNanos());
		// sustained: 91% of the documented limit
		assertThat(bandwidth.getRefillTokens()).isGreaterThanOrEqualTo(200 * 90 / 100);
	}

	private static final class ManualTime implements TimeMeter {

		private final AtomicLong now = new AtomicLong();

		@Override
		public long currentTimeNanos() {
			return this.now.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	}

}
