package com.rvssl.billing;

import java.util.List;

import com.rvssl.kit.test.ServiceStructureTests;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The structure every service keeps; billing's account page is its second way in over
 * HTTP, with its own security chain, kept apart from the API and from the domain.
 */
class StructureTests extends ServiceStructureTests {

	private static final List<String> DOMAIN = List.of("accounts", "charging", "ledger", "waiting", "orderstatus");

	StructureTests() {
		super("com.rvssl.billing", List.of("api", "page"), DOMAIN);
	}

	// the kit's rule keeps the domain out of the api package; the page is the other way
	// in
	@Test
	void keepsTheDomainFreeOfTheAccountPage() {
		noClasses().that()
			.resideInAnyPackage(DOMAIN.stream().map((p) -> "com.rvssl.billing." + p + "..").toArray(String[]::new))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.rvssl.billing.page..")
			.because("the domain is the same whichever way a request reaches it")
			.check(classes());
	}

}
