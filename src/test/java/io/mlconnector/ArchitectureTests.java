package io.mlconnector;

import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the house: connectors serve every flow and know none of them, nor each
 * other, the inbox or the operator API; flows never import each other; shared plumbing
 * and the shared allocation know no flow; the top-level packages form no cycle; nothing
 * outside the sandbox depends on the sandbox.
 */
class ArchitectureTests {

	static final String[] CONNECTORS = { "io.mlconnector.gusto..", "io.mlconnector.ifs..", "io.mlconnector.visma..",
			"io.mlconnector.slack.." };

	static final String[] FLOWS = { "io.mlconnector.payroll..", "io.mlconnector.people..", "io.mlconnector.notify..",
			"io.mlconnector.reconcile.." };

	static final String[] FLOW_SUPPORT = { "io.mlconnector.allocation.." };

	static final String[] APPLICATION = { "io.mlconnector.inbox..", "io.mlconnector.ops.." };

	static final String[] SHARED_PLUMBING = { "io.mlconnector.outbound..", "io.mlconnector.secrets..",
			"io.mlconnector.audit..", "io.mlconnector.tenant..", "io.mlconnector.batch.." };

	private final JavaClasses mainClasses = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.mlconnector");

	@Test
	void connectorPackagesNeverImportFlowPackages() {
		noClasses().that()
			.resideInAnyPackage(CONNECTORS)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FLOWS)
			.because("connectors serve every flow and must not know any of them")
			.allowEmptyShould(true)
			.check(this.mainClasses);
	}

	@Test
	void connectorPackagesNeverImportEachOther() {
		for (String connector : CONNECTORS) {
			String[] others = Arrays.stream(CONNECTORS)
				.filter((other) -> !other.equals(connector))
				.toArray(String[]::new);
			noClasses().that()
				.resideInAPackage(connector)
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.because("each connector speaks to one external system; flows combine them")
				.check(this.mainClasses);
		}
	}

	@Test
	void connectorPackagesNeverImportTheInboxTheOperatorApiOrTheSharedAllocation() {
		noClasses().that()
			.resideInAnyPackage(CONNECTORS)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(APPLICATION, FLOW_SUPPORT))
			.because("the inbox and the operator API use connectors, never the other way round")
			.check(this.mainClasses);
	}

	@Test
	void theSharedAllocationNeverImportsFlowsTheInboxOrTheOperatorApi() {
		noClasses().that()
			.resideInAnyPackage(FLOW_SUPPORT)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(FLOWS, APPLICATION))
			.because("what several flows share may use connectors and the tenant configuration, never a flow")
			.check(this.mainClasses);
	}

	@Test
	void theTopLevelPackagesFormNoCycle() {
		slices().matching("io.mlconnector.(*)..")
			.should()
			.beFreeOfCycles()
			.because("a cycle makes two packages one; each arrow of the house points one way")
			.check(this.mainClasses);
	}

	@Test
	void sharedPlumbingNeverImportsFlowOrConnectorPackages() {
		noClasses().that()
			.resideInAnyPackage(SHARED_PLUMBING)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(concat(FLOWS, CONNECTORS), concat(FLOW_SUPPORT, APPLICATION)))
			.because("plumbing is used by connectors and flows, never the other way round")
			.allowEmptyShould(true)
			.check(this.mainClasses);
	}

	@Test
	void mainCodeOutsideTheSandboxNeverImportsTheSandbox() {
		noClasses().that()
			.resideOutsideOfPackage("io.mlconnector.sandbox..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.mlconnector.sandbox..")
			.because("the simulators run in the sandbox profile only and must be removable")
			.check(this.mainClasses);
	}

	@Test
	void flowPackagesNeverImportEachOther() {
		for (String flow : FLOWS) {
			String[] others = Arrays.stream(FLOWS).filter((other) -> !other.equals(flow)).toArray(String[]::new);
			noClasses().that()
				.resideInAPackage(flow)
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.because("flows are independent; they meet only in the inbox and the database")
				.allowEmptyShould(true)
				.check(this.mainClasses);
		}
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
