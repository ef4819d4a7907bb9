package io.mlconnector;

import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules of the house (ARCHITECTURE.md): connectors never depend on flows, and nothing
 * outside the sandbox depends on the sandbox.
 */
class ArchitectureTests {

	static final String[] CONNECTORS = { "io.mlconnector.gusto..", "io.mlconnector.ifs..", "io.mlconnector.visma..",
			"io.mlconnector.slack.." };

	static final String[] FLOWS = { "io.mlconnector.payroll..", "io.mlconnector.people..", "io.mlconnector.notify..",
			"io.mlconnector.reconcile.." };

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
	void sharedPlumbingNeverImportsFlowOrConnectorPackages() {
		noClasses().that()
			.resideInAnyPackage(SHARED_PLUMBING)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(FLOWS, CONNECTORS))
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
