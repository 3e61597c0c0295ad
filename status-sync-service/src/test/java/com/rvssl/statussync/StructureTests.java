package com.rvssl.statussync;

import com.rvssl.kit.test.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

class StructureTests {

	private static final String ROOT = "com.rvssl.statussync";

	private final JavaClasses classes = ArchitectureRules.productionClasses(ROOT);

	@Test
	void usesNoOtherModule() {
		ArchitectureRules.usesNoOtherModule(ROOT).check(classes);
	}

	@Test
	void servesHttpOnlyFromTheApiPackage() {
		ArchitectureRules.controllersOnlyIn(ROOT + ".api").check(classes);
	}

	// not gateway, whose job is an HTTP call to the ca-gateway (WebClient): it uses
	// spring-web as a library, not as a way in
	@Test
	void keepsTheDomainFreeOfWebAndKafka() {
		ArchitectureRules
			.domainFreeOfWebAndKafka(ROOT + ".tracking", ROOT + ".scheduling", ROOT + ".expiry", ROOT + ".push")
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
