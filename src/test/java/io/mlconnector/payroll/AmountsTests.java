package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AmountsTests {

	@Test
	void oneHundredSplitInThreeGivesTheLeftoverCentToTheFirstLargestRemainder() {
		assertThat(Amounts.split(new BigDecimal("100.00"), weights("1", "1", "1")))
			.containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
	}

	@Test
	void leftoverCentsGoToTheLargestRemaindersNotToTheLargestParts() {
		// 10.00 by 0.6 / 0.25 / 0.15 = 6.00 / 2.50 / 1.50 exactly; 0.05 by the same =
		// 0.03 / 0.0125 / 0.0075 -> 0.03 / 0.01 / 0.01
		assertThat(Amounts.split(new BigDecimal("0.05"), weights("60", "25", "15")))
			.containsExactly(new BigDecimal("0.03"), new BigDecimal("0.01"), new BigDecimal("0.01"));
	}

	@Test
	void aNegativeAmountSplitsLikeItsAbsoluteValue() {
		assertThat(Amounts.split(new BigDecimal("-0.10"), weights("1", "1", "1")))
			.containsExactly(new BigDecimal("-0.04"), new BigDecimal("-0.03"), new BigDecimal("-0.03"));
	}

	@Test
	void partsAlwaysAddUpToTheWholeToTheCent() {
		Random random = new Random(42);
		for (int run = 0; run < 10_000; run++) {
			BigDecimal amount = BigDecimal.valueOf(random.nextLong(-10_000_000, 10_000_000), 2);
			List<BigDecimal> weights = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(7); i++) {
				weights.add(BigDecimal.valueOf(1 + random.nextInt(1000), random.nextInt(3)));
			}
			List<BigDecimal> parts = Amounts.split(amount, weights);
			assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
			assertThat(parts).allSatisfy((part) -> assertThat(part.scale()).isEqualTo(2));
		}
	}

	@Test
	void fractionsOfACentAreRefusedNotRounded() {
		assertThatIllegalArgumentException().isThrownBy(() -> Amounts.cents(new BigDecimal("1.005")))
			.withMessageContaining("fractions of a cent");
		assertThat(Amounts.cents(new BigDecimal("1.5"))).isEqualTo(new BigDecimal("1.50"));
	}

	@Test
	void weightsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Amounts.split(new BigDecimal("1.00"), weights("1", "0")))
			.withMessageContaining("positive");
	}

	private static List<BigDecimal> weights(String... weights) {
		return java.util.Arrays.stream(weights).map(BigDecimal::new).toList();
	}

}
