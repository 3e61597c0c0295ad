package com.rvssl.sandbox;

import com.rvssl.kit.test.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The platform's structure rules, and the sandbox's own: its APIs are the outer layer,
 * and stand apart.
 */
class StructureTests {

	private static final String ROOT = "com.rvssl.sandbox";

	private static final String API = ROOT + ".api";

	private final JavaClasses classes = ArchitectureRules.productionClasses(ROOT);

	@Test
	void usesNoOtherModule() {
		ArchitectureRules.usesNoOtherModule(ROOT).check(this.classes);
	}

	@Test
	void controllersLiveInTheApiPackage() {
		ArchitectureRules.controllersOnlyIn(API).check(this.classes);
	}

	@Test
	void theCaItselfKnowsNothingOfHttpOrKafka() {
		ArchitectureRules
			.domainFreeOfWebAndKafka(ROOT + ".orders", ROOT + ".validation", ROOT + ".authority", ROOT + ".approval")
			.check(this.classes);
	}

	@Test
	void namesAreBusinessWords() {
		ArchitectureRules.namesAreBusinessWords().check(this.classes);
	}

	@Test
	void nothingBelowTheApisUsesThem() {
		noClasses().that()
			.resideOutsideOfPackage(API + "..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(API + "..")
			.because("the CA behind the APIs is the same whichever API an order came through")
			.check(this.classes);
	}

	@Test
	void eachApiStandsAlone() {
		slices().matching(API + ".(*)..")
			.should()
			.notDependOnEachOther()
			.because("a DigiCert-style call never answers in Sectigo's words, nor the other way round")
			.check(this.classes);
	}

}
