package com.rvssl.billing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.rvssl", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule billingSharesNothingWithOtherServicesButTheContracts = noClasses().that()
		.resideInAPackage("com.rvssl.billing..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.rvssl.order..", "com.rvssl.gateway..", "com.rvssl.statussync..",
				"com.rvssl.notify..", "com.rvssl.sandbox..");

	@ArchTest
	static final ArchRule theDomainDoesNotKnowTheWebOrKafka = noClasses().that()
		.resideInAnyPackage("com.rvssl.billing.accounts..", "com.rvssl.billing.charging..",
				"com.rvssl.billing.ledger..", "com.rvssl.billing.waiting..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.rvssl.billing.api..", "com.rvssl.billing.messaging..", "org.springframework.kafka..",
				"org.springframework.web..");

}
