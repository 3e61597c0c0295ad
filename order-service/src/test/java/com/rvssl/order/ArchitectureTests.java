package com.rvssl.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package structure the module keeps: the domain knows nothing of HTTP or Kafka, names are business words. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.rvssl.order");

	@Test
	void theOrderDomainDoesNotDependOnTheWebOrKafka() {
		noClasses().that()
			.resideInAnyPackage("..orders..", "..views..", "..catalog..", "..csr..", "..certificates..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..order.api..", "..order.messaging..", "org.springframework.web..",
					"org.springframework.kafka..")
			.check(classes);
	}

	@Test
	void onlyTheApiPackageServesHttp() {
		noClasses().that()
			.resideOutsideOfPackages("..order.api..")
			.should()
			.beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
			.check(classes);
	}

	@Test
	void noClassIsNamedAfterAVagueRole() {
		noClasses().should()
			.haveSimpleNameEndingWith("Manager")
			.orShould()
			.haveSimpleNameEndingWith("Helper")
			.orShould()
			.haveSimpleNameEndingWith("Util")
			.orShould()
			.haveSimpleNameEndingWith("Impl")
			.check(classes);
	}

}
