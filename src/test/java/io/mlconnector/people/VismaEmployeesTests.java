package io.mlconnector.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.mlconnector.allocation.EmployeeProfile;
import io.mlconnector.gusto.GustoEmployee;
import io.mlconnector.gusto.GustoTermination;
import io.mlconnector.tenant.PeopleMapping;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VismaEmployeesTests {

	@Test
	void anEmployeeWhoseDepartmentAndLocationHaveNoVismaMappingFailsNamingBothKeysBeforeVismaIsAsked() {
		PeopleMapping mapping = new PeopleMapping(Map.of("Engineering", "ENG"), Map.of("loc-1", "1"), "EMPSTD",
				"STANDARD");
		Person person = new Person("e-1", "v1", "Ada", "Lovelace", "ada@example.com", true, null, null,
				new EmployeeProfile("e-1", "Customer Success", "loc-9", List.of()));

		// no Visma client: the mapping is checked before any request
		TargetOutcome outcome = new VismaEmployees(null, mapping).sync(person);

		assertThat(outcome.status()).isEqualTo(TargetOutcome.Status.FAILED);
		assertThat(outcome.writes()).isZero();
		assertThat(outcome.detail()).contains("add mapping.visma-department-by-department.\"[Customer Success]\"")
			.contains("add mapping.visma-branch-by-location.loc-9");
	}

	@Test
	void aTerminatedEmployeeIsInactiveFromTheLatestTerminationAndNamedByThePreferredFirstName() {
		GustoEmployee employee = new GustoEmployee("0f8fad5b-d9cb-469f-a165-70867728950e", "v7", "Augusta", null,
				"King", "Ada", "ada@home.example", "ada@work.example", "c-1", null, "Engineering", null, null,
				LocalDate.of(2020, 1, 6), true, true, null, null, null, null, List.of(),
				List.of(new GustoTermination("t-1", "v1", "e", true, false, LocalDate.of(2026, 11, 30), false)));

		Person person = Person.of(employee);

		assertThat(person.active()).isFalse();
		assertThat(person.terminatedOn()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(person.name()).isEqualTo("Ada King");
		assertThat(person.email()).isEqualTo("ada@work.example");
		assertThat(person.reference()).isEqualTo("GUSTO:0f8fad5b-d9cb-469f-a165-70867728950e");
		assertThat(person.vismaEmployeeCd()).isEqualTo("G0F8FAD5BD").hasSize(10);
	}

}
