package io.mlconnector.outbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared outbound request budgets.
 *
 * @param maxReservation how far ahead of now a caller may reserve a permit of a budget; a
 * caller that would have to wait longer gets a {@link BudgetExhaustedException} and
 * nothing is reserved, so no flood of callers can push a shared budget hours into the
 * future
 */
@ConfigurationProperties("mlc.outbound")
public record OutboundProperties(@DefaultValue("2m") Duration maxReservation) {

	public OutboundProperties {
		if (maxReservation == null || maxReservation.isNegative()) {
			throw new IllegalArgumentException(
					"mlc.outbound.max-reservation must be zero or positive, was " + maxReservation);
		}
	}

}
