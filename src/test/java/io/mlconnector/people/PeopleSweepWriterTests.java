package io.mlconnector.people;

import java.util.List;
import java.util.concurrent.TimeoutException;

import io.mlconnector.ifs.IfsException;
import io.mlconnector.visma.VismaException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures stop the sweep (no fix of the employee helps) and which fail only the
 * employee, and the lock names it shares with the event syncs.
 */
class PeopleSweepWriterTests {

	@Test
	void aTargetThatIsDownOrThrottlingStopsTheSweepForARestart() {
		assertThat(PeopleSweepWriter.unavailable(new IfsException("IFS: 503", 503, null, null, List.of()))).isTrue();
		assertThat(PeopleSweepWriter.unavailable(new VismaException("Visma: 429", 429, null))).isTrue();
		assertThat(PeopleSweepWriter.unavailable(new IllegalStateException("wrapped", new TimeoutException())))
			.isTrue();
	}

	@Test
	void aRefusalOrAProblemWithOneEmployeeFailsOnlyThatEmployee() {
		assertThat(PeopleSweepWriter.unavailable(new IfsException("IFS: 400", 400, null, null, List.of()))).isFalse();
		assertThat(PeopleSweepWriter.unavailable(new VismaException("Visma: 412", 412, null))).isFalse();
		assertThat(PeopleSweepWriter
			.unavailable(new IllegalStateException("IFS holds 2 records of ResourceSet; remove the duplicate")))
			.isFalse();
	}

	@Test
	void lockNamesFitMariaDbsLimitAndTellTenantsApart() {
		String employee = "0b6c1d7e-1111-4a4a-9c9c-000000000001";
		String name = EmployeeLocks.name("a-tenant-id-of-forty-characters-at-most", employee);

		assertThat(name).hasSizeLessThanOrEqualTo(64).startsWith("mlc-people-");
		assertThat(name).isEqualTo(EmployeeLocks.name("a-tenant-id-of-forty-characters-at-most", employee));
		assertThat(name).isNotEqualTo(EmployeeLocks.name("another-tenant", employee));
	}

}
