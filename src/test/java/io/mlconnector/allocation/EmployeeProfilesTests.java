package io.mlconnector.allocation;

import java.time.LocalDate;
import java.util.List;

import io.mlconnector.gusto.GustoWorkAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmployeeProfilesTests {

	private static final LocalDate PERIOD_END = LocalDate.of(2026, 11, 30);

	@Test
	void theWorkAddressInEffectOnTheLastDayOfThePeriodIsTheLatestThatStartedByThen() {
		List<GustoWorkAddress> addresses = List.of(address("new", LocalDate.of(2026, 12, 1), true),
				address("old", LocalDate.of(2024, 3, 1), false), address("older", LocalDate.of(2020, 1, 6), false));

		assertThat(EmployeeProfiles.locationOn(addresses, PERIOD_END)).hasValue("old");
	}

	@Test
	void anAddressStartingOnTheLastDayOfThePeriodIsInEffectThatDay() {
		List<GustoWorkAddress> addresses = List.of(address("old", LocalDate.of(2024, 3, 1), false),
				address("new", PERIOD_END, true));

		assertThat(EmployeeProfiles.locationOn(addresses, PERIOD_END)).hasValue("new");
	}

	@Test
	void anEmployeeWhoseOnlyAddressStartsAfterThePeriodIsAllocatedByItsEarliestAddress() {
		List<GustoWorkAddress> addresses = List.of(address("later", LocalDate.of(2027, 2, 1), false),
				address("first", LocalDate.of(2026, 12, 15), true));

		assertThat(EmployeeProfiles.locationOn(addresses, PERIOD_END)).hasValue("first");
	}

	@Test
	void addressesWithoutDatesFallBackToTheActiveOne() {
		List<GustoWorkAddress> addresses = List.of(address("inactive", null, false), address("active", null, true));

		assertThat(EmployeeProfiles.locationOn(addresses, PERIOD_END)).hasValue("active");
		assertThat(EmployeeProfiles.locationOn(List.of(), PERIOD_END)).isEmpty();
	}

	private static GustoWorkAddress address(String location, LocalDate effective, boolean active) {
		return new GustoWorkAddress("wa-" + location, "v1", "e1", location, effective, active, "1 Main St", null,
				"Denver", "CO", "80202", "USA");
	}

}
