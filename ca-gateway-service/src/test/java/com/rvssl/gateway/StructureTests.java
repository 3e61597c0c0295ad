package com.rvssl.gateway;

import java.util.List;

import com.rvssl.kit.test.ServiceStructureTests;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The platform's structure rules, and the gateway's own direction of dependencies: CA
 * adapters know nothing of submissions, submissions nothing of transport. The adapters
 * speak HTTP to the CAs, so only the submissions are held to be free of web and Kafka.
 */
class StructureTests extends ServiceStructureTests {

	StructureTests() {
		super("com.rvssl.gateway", List.of("api"), List.of("submission"));
	}

	@Test
	void caAdaptersDependOnNoOtherPartOfTheGateway() {
		noClasses().that()
			.resideInAPackage("..gateway.adapters..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..gateway.submission..", "..gateway.api..", "..gateway.messaging..")
			.check(classes());
	}

}
