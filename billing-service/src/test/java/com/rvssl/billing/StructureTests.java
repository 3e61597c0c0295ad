package com.rvssl.billing;

import java.util.Arrays;

import com.rvssl.kit.test.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class StructureTests {

	private static final String ROOT = "com.rvssl.billing";

	private static final String[] DOMAIN = { ROOT + ".accounts", ROOT + ".charging", ROOT + ".ledger",
			ROOT + ".waiting", ROOT + ".orderstatus" };

	private final JavaClasses classes = ArchitectureRules.productionClasses(ROOT);

	@Test
	void usesNoOtherModule() {
		ArchitectureRules.usesNoOtherModule(ROOT).check(classes);
	}

	// the account page is billing's second way in over HTTP, with its own security chain,
	// kept apart from the API
	@Test
	void servesHttpOnlyFromTheApiAndTheAccountPage() {
		ArchitectureRules.controllersOnlyIn(ROOT + ".api", ROOT + ".page").check(classes);
	}

	@Test
	void keepsTheDomainFreeOfWebAndKafka() {
		ArchitectureRules.domainFreeOfWebAndKafka(DOMAIN).check(classes);
	}

	// the kit's rule keeps the domain out of the api package; the page is the other way
	// in
	@Test
	void keepsTheDomainFreeOfTheAccountPage() {
		noClasses().that()
			.resideInAnyPackage(Arrays.stream(DOMAIN).map((p) -> p + "..").toArray(String[]::new))
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".page..")
			.because("the domain is the same whichever way a request reaches it")
			.check(classes);
	}

	@Test
	void namesClassesWithBusinessWords() {
		ArchitectureRules.namesAreBusinessWords().check(classes);
	}

	@Test
	void onlyKafkaListenersWaitForReactiveWork() {
		ArchitectureRules.onlyListenersWaitForReactiveWork().check(classes);
	}

}
