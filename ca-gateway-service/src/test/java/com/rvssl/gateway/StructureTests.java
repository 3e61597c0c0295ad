package com.rvssl.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the direction of dependencies: CA adapters know nothing of submissions, submissions nothing of transport. */
class StructureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.rvssl.gateway");

	@Test
	void caAdaptersDependOnNoOtherPartOfTheGateway() {
		noClasses().that()
			.resideInAPackage("..gateway.adapters..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..gateway.submission..", "..gateway.api..", "..gateway.messaging..")
			.check(classes);
	}

	@Test
	void submissionsKnowNothingOfHttpOrKafkaEntryPoints() {
		noClasses().that()
			.resideInAPackage("..gateway.submission..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..gateway.api..", "..gateway.messaging..")
			.check(classes);
	}

	@Test
	void theGatewayUsesNoOtherServicesCode() {
		noClasses().that()
			.resideInAPackage("com.rvssl.gateway..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.rvssl.order..", "com.rvssl.billing..", "com.rvssl.statussync..",
					"com.rvssl.notify..", "com.rvssl.sandbox..")
			.check(classes);
	}

}
