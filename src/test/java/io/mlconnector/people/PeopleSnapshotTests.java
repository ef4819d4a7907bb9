package io.mlconnector.people;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.mlconnector.allocation.EmployeeProfile;
import io.mlconnector.ifs.IfsEntity;
import io.mlconnector.ifs.IfsEtag;
import io.mlconnector.visma.VismaEmployee;
import io.mlconnector.visma.VismaEmployeeStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep's snapshot: when it may stand in for look-ups, and the headcount it reports
 * after the sweep's own outcomes.
 */
class PeopleSnapshotTests {

	private static final Person ADA = person("0b6c1d7e-1111-4a4a-9c9c-000000000001", true);

	private static final Person ALAN = person("0b6c1d7e-2222-4a4a-9c9c-000000000002", false);

	@Test
	void theSnapshotStandsInOnlyForEmployeesWhoseLinkIsAsItWasWhenItWasTaken() {
		EmployeeLinks.Link link = link(ADA.employeeUuid(), 7L, LocalDateTime.of(2026, 12, 1, 2, 0));
		PeopleSnapshot snapshot = new PeopleSnapshot(Map.of(ADA.employeeUuid(), EmployeeLinks.stamp(link)), Map.of(),
				Map.of());

		assertThat(snapshot.unchangedSince(ADA.employeeUuid(), link)).isTrue();
		// synced by an event's job since
		assertThat(snapshot.unchangedSince(ADA.employeeUuid(),
				link(ADA.employeeUuid(), 9L, LocalDateTime.of(2026, 12, 1, 2, 5))))
			.isFalse();
		// never synced, then and now
		assertThat(snapshot.unchangedSince(ALAN.employeeUuid(), null)).isTrue();
		// first synced after the snapshot was taken
		assertThat(snapshot.unchangedSince(ALAN.employeeUuid(),
				link(ALAN.employeeUuid(), 9L, LocalDateTime.of(2026, 12, 1, 2, 5))))
			.isFalse();
	}

	@Test
	void theIfsLookUpFindsTheResourceOfTheEmployeeInTheCompanyAsked() {
		IfsEntity inTen = resource("10", ADA, "Blocked");
		IfsEntity inThirty = resource("30", ADA, "Active");
		PeopleSnapshot snapshot = new PeopleSnapshot(Map.of(), Map.of(ADA.reference(), List.of(inTen, inThirty)), null);

		assertThat(snapshot.ifs().find("30", ADA.reference())).isSameAs(inThirty);
		assertThat(snapshot.ifs().find("40", ADA.reference())).isNull();
		assertThat(snapshot.ifs().find("10", ALAN.reference())).isNull();
	}

	@Test
	void theHeadcountCountsWhatEachSystemHoldsAfterTheSweepsOwnOutcomes() {
		// IFS holds Ada active and Alan active; Visma holds Ada inactive, Alan active,
		// and
		// an employee the sync did not number
		PeopleSnapshot snapshot = new PeopleSnapshot(Map.of(),
				Map.of(ADA.reference(), List.of(resource("10", ADA, "Active")), ALAN.reference(),
						List.of(resource("10", ALAN, "Active"))),
				Map.of(ADA.vismaEmployeeCd(), visma(ADA.vismaEmployeeCd(), VismaEmployeeStatus.INACTIVE),
						ALAN.vismaEmployeeCd(), visma(ALAN.vismaEmployeeCd(), VismaEmployeeStatus.ACTIVE), "E0042",
						visma("E0042", VismaEmployeeStatus.ACTIVE)));
		assertThat(snapshot.ifsHeadcount()).isEqualTo(2);
		assertThat(snapshot.vismaHeadcount()).isEqualTo(1);

		// when the sweep activates Ada in Visma and blocks Alan (who left) in both
		TargetOutcome synced = new TargetOutcome(TargetOutcome.Status.SYNCED, "x", "updated", 1);
		snapshot.applied(new PersonSync.Result(ADA, new TargetOutcome(TargetOutcome.Status.SYNCED, "x", "unchanged", 0),
				synced));
		snapshot.applied(new PersonSync.Result(ALAN, synced, synced));

		// then IFS holds one, and so does Visma
		assertThat(snapshot.ifsHeadcount()).isEqualTo(1);
		assertThat(snapshot.vismaHeadcount()).isEqualTo(1);
	}

	@Test
	void aTargetTheTenantDoesNotHaveHasNoHeadcount() {
		PeopleSnapshot snapshot = new PeopleSnapshot(Map.of(), null, Map.of());

		assertThat(snapshot.ifsHeadcount()).isNull();
		assertThat(snapshot.vismaHeadcount()).isZero();
	}

	@Test
	void aFailedTargetKeepsWhatTheSnapshotSaw() {
		PeopleSnapshot snapshot = new PeopleSnapshot(Map.of(),
				Map.of(ALAN.reference(), List.of(resource("10", ALAN, "Active"))), null);

		snapshot.applied(new PersonSync.Result(ALAN, TargetOutcome.failed("IFS refused the resource"), null));

		assertThat(snapshot.ifsHeadcount()).isEqualTo(1);
	}

	private static Person person(String uuid, boolean active) {
		return new Person(uuid, "v1", "First", "Last", "someone@example.com", active, null, null,
				new EmployeeProfile(uuid, "Engineering", "loc-1", List.of()));
	}

	private static EmployeeLinks.Link link(String uuid, long execution, LocalDateTime at) {
		return new EmployeeLinks.Link("demo", uuid, "v1", "10", "10/1", "SYNCED", null, "G0", "SYNCED", null, true,
				execution, at);
	}

	private static IfsEntity resource(String company, Person person, String state) {
		return new IfsEntity(new IfsEtag("W/\"1\""), Map.of("Company", company, "ResourceSeq", 1, "EmployeeReference",
				person.reference(), "Objstate", state));
	}

	private static VismaEmployee visma(String number, VismaEmployeeStatus status) {
		return new VismaEmployee(null, null, number, null, status, null, null, null, null, null, null, null, "ts",
				null);
	}

}
