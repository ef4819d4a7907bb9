package io.mlconnector.payroll;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Money as {@link BigDecimal} with scale 2, and splitting a sum into parts that add up to
 * it exactly.
 */
final class Amounts {

	static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private Amounts() {
	}

	/**
	 * An amount to the cent.
	 * @param value a number; more than two decimals are refused, not rounded away
	 * @return the amount with scale 2
	 */
	static BigDecimal cents(BigDecimal value) {
		if (value == null) {
			return ZERO;
		}
		try {
			return value.setScale(2, RoundingMode.UNNECESSARY);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("amount " + value.toPlainString() + " has fractions of a cent");
		}
	}

	static BigDecimal sum(Collection<BigDecimal> amounts) {
		return amounts.stream().reduce(ZERO, BigDecimal::add);
	}

	/**
	 * Splits an amount by weights with the largest-remainder method: each part is the
	 * weighted share rounded down to the cent, and the cents left over go one by one to
	 * the parts with the largest remainders (ties to the earlier part). The parts always
	 * add up to the amount exactly; a negative amount splits like its absolute value.
	 * @param amount the amount to split
	 * @param weights positive weights, one per part
	 * @return the parts, in the order of the weights
	 */
	static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights) {
		if (weights.isEmpty()) {
			throw new IllegalArgumentException("nothing to split " + amount + " into");
		}
		if (weights.stream().anyMatch((weight) -> weight.signum() <= 0)) {
			throw new IllegalArgumentException("split weights must be positive, were " + weights);
		}
		BigDecimal total = cents(amount);
		long totalCents = total.unscaledValue().longValueExact();
		long sign = Long.signum(totalCents);
		long absolute = Math.abs(totalCents);
		BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		long[] parts = new long[weights.size()];
		BigDecimal[] remainders = new BigDecimal[weights.size()];
		long assigned = 0;
		for (int i = 0; i < weights.size(); i++) {
			BigDecimal exact = BigDecimal.valueOf(absolute).multiply(weights.get(i));
			BigDecimal[] division = exact.divideAndRemainder(weightSum);
			parts[i] = division[0].longValueExact();
			remainders[i] = division[1];
			assigned += parts[i];
		}
		List<Integer> byRemainder = new ArrayList<>(IntStream.range(0, parts.length).boxed().toList());
		byRemainder.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed());
		for (int k = 0; k < absolute - assigned; k++) {
			parts[byRemainder.get(k)]++;
		}
		List<BigDecimal> result = new ArrayList<>(parts.length);
		for (long part : parts) {
			result.add(BigDecimal.valueOf(sign * part, 2));
		}
		return result;
	}

}
