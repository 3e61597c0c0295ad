package com.rvssl.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.rvssl.kit.test.ArchitectureRules.controllersOnlyIn;
import static com.rvssl.kit.test.ArchitectureRules.domainFreeOfWebAndKafka;
import static com.rvssl.kit.test.ArchitectureRules.namesAreBusinessWords;
import static com.rvssl.kit.test.ArchitectureRules.productionClasses;
import static com.rvssl.kit.test.ArchitectureRules.usesNoOtherModule;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The platform's structure rules, and the gateway's own direction of dependencies: CA
 * adapters know nothing of submissions, submissions nothing of transport. The adapters
 * speak HTTP to the CAs, so only the submissions are held to be free of web and Kafka.
 */
class StructureTests {

	private static final String ROOT = "com.rvssl.gateway";

	private final JavaClasses classes = productionClasses(ROOT);

	@Test
	void theGatewayUsesNoOtherServicesCode() {
		usesNoOtherModule(ROOT).check(classes);
	}

	@Test
	void controllersLiveInTheApiPackage() {
		controllersOnlyIn(ROOT + ".api").check(classes);
	}

	@Test
	void submissionsKnowNothingOfHttpOrKafka() {
		domainFreeOfWebAndKafka(ROOT + ".submission").check(classes);
	}

	@Test
	void namesAreBusinessWordsNotRoles() {
		namesAreBusinessWords().check(classes);
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

}
