package com.rvssl.notify;

import com.rvssl.kit.test.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

class StructureTests {

	private static final String ROOT = "com.rvssl.notify";

	private final JavaClasses classes = ArchitectureRules.productionClasses(ROOT);

	@Test
	void usesNoOtherModule() {
		ArchitectureRules.usesNoOtherModule(ROOT).check(classes);
	}

	@Test
	void servesHttpOnlyFromTheApiPackage() {
		ArchitectureRules.controllersOnlyIn(ROOT + ".api").check(classes);
	}

	// not webhooks, whose job is an HTTP post (WebClient), nor email, which escapes its
	// HTML with spring-web's HtmlUtils: both use spring-web as a library, not as a way in
	@Test
	void keepsTheDomainFreeOfWebAndKafka() {
		ArchitectureRules.domainFreeOfWebAndKafka(ROOT + ".deliveries", ROOT + ".recipients").check(classes);
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
