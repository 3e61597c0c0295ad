package com.rvssl.gateway;

import com.rvssl.kit.test.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The platform's structure rules, and the gateway's own direction of dependencies: CA
 * adapters know nothing of submissions, submissions nothing of transport. The adapters
 * speak HTTP to the CAs, so only the submissions are held to be free of web and Kafka.
 */
class StructureTests {

	private static final String ROOT = "com.rvssl.gateway";

	private final JavaClasses classes = ArchitectureRules.productionClasses(ROOT);

	@Test
	void usesNoOtherModule() {
		ArchitectureRules.usesNoOtherModule(ROOT).check(classes);
	}

	@Test
	void servesHttpOnlyFromTheApiPackage() {
		ArchitectureRules.controllersOnlyIn(ROOT + ".api").check(classes);
	}

	@Test
	void keepsTheDomainFreeOfWebAndKafka() {
		ArchitectureRules.domainFreeOfWebAndKafka(ROOT + ".submission").check(classes);
	}

	@Test
	void namesClassesWithBusinessWords() {
		ArchitectureRules.namesAreBusinessWords().check(classes);
	}

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
	void onlyKafkaListenersWaitForReactiveWork() {
		ArchitectureRules.onlyListenersWaitForReactiveWork().check(classes);
	}

}
