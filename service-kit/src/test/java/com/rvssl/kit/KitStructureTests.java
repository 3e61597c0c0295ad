package com.rvssl.kit;

import org.junit.jupiter.api.Test;

import com.rvssl.kit.test.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The kit is infrastructure every service builds on: it may never depend on one of them.
 */
class KitStructureTests {

	@Test
	void theKitDependsOnNoService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage(
					ArchitectureRules.MODULES.stream().map((module) -> module + "..").toArray(String[]::new))
			.because("services depend on the kit, never the other way round")
			.check(ArchitectureRules.productionClasses("com.rvssl.kit"));
	}

}
