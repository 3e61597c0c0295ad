package com.rvssl.sandbox;

import java.util.List;

import com.rvssl.kit.test.ServiceStructureTests;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The platform's structure rules, and the sandbox's own: its APIs are the outer layer,
 * and stand apart.
 */
class StructureTests extends ServiceStructureTests {

	private static final String API = "com.rvssl.sandbox.api";

	StructureTests() {
		super("com.rvssl.sandbox", List.of("api"), List.of("orders", "validation", "authority", "approval"));
		// payments is not among them: like push, it sends its callbacks over HTTP itself
	}

	@Test
	void nothingBelowTheApisUsesThem() {
		noClasses().that()
			.resideOutsideOfPackage(API + "..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(API + "..")
			.because("the CA behind the APIs is the same whichever API an order came through")
			.check(classes());
	}

	@Test
	void eachApiStandsAlone() {
		slices().matching(API + ".(*)..")
			.should()
			.notDependOnEachOther()
			.because("a DigiCert-style call never answers in Sectigo's words, nor the other way round")
			.check(classes());
	}

}
