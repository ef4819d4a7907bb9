package io.mlconnector.gusto;

import java.util.List;
import java.util.Map;

import io.mlconnector.tenant.MappingRules;
import io.mlconnector.tenant.Tenants;
import io.mlconnector.visma.VismaBranch;
import io.mlconnector.visma.VismaClient;
import io.mlconnector.visma.VismaClients;
import io.mlconnector.visma.VismaDepartment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox profile's demo tenant is ready for the people sync: every department and
 * work location of the demo's generated Gusto company maps, through the tenant's
 * {@code mapping.visma-department-by-department} and {@code visma-branch-by-location}, to
 * a department and a branch the Visma sandbox holds for the demo company.
 */
class VismaDemoMappingIntegrationTests extends GustoSandboxTestSupport {

	@Autowired
	private VismaClients visma;

	@Autowired
	private Tenants tenants;

	@Test
	void everyGustoDepartmentAndWorkLocationOfTheDemoCompanyMapsToAVismaDepartmentAndBranchThatExists() {
		this.jdbc.sql("DELETE FROM oauth_token").update();
		assertThat(connect(null).getStatusCode().value()).isEqualTo(200);
		List<GustoDepartment> departments = this.client.departments(TENANT).collectList().block();
		List<GustoLocation> locations = this.client.locations(TENANT).collectList().block();
		assertThat(departments).hasSize(7);
		assertThat(locations).hasSize(3);
		MappingRules mapping = this.tenants.require(TENANT).mapping();
		VismaClient demo = this.visma.forTenant(TENANT);
		List<String> vismaDepartments = demo.departments().map(VismaDepartment::departmentId).collectList().block();
		List<String> branches = demo.branches().map(VismaBranch::number).collectList().block();
		Map<String, String> byDepartment = mapping.people().vismaDepartmentByDepartment();
		Map<String, String> byLocation = mapping.people().vismaBranchByLocation();
		assertThat(departments).allSatisfy((department) -> assertThat(byDepartment.get(department.title()))
			.as("Visma department of Gusto department %s", department.title())
			.isNotNull()
			.isIn(vismaDepartments));
		assertThat(locations).allSatisfy((location) -> assertThat(byLocation.get(location.uuid()))
			.as("Visma branch of Gusto location %s (%s)", location.uuid(), location.city())
			.isNotNull()
			.isIn(branches));
	}

}
