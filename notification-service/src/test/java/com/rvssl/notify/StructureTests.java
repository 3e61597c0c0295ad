package com.rvssl.notify;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class StructureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.rvssl.notify");

	@Test
	void onlyKafkaListenersWaitForReactiveWork() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Listener")
			.should()
			.callMethodWhere(target(nameStartingWith("block"))
				.and(target(owner(assignableTo(Mono.class).or(assignableTo(Flux.class))))))
			.because("only a Kafka listener may wait, so that each record is finished before the next")
			.check(classes);
	}

	@Test
	void dependsOnNoOtherServiceOnlyOnTheContracts() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.rvssl.order..", "com.rvssl.billing..", "com.rvssl.gateway..",
					"com.rvssl.statussync..", "com.rvssl.sandbox..", "com.rvssl.localstack..")
			.check(classes);
	}

}
