package com.rvssl.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import com.rvssl.kit.test.ArchitectureRules;

/**
 * The structure every module keeps: it shares only the contracts and the kit, HTTP is
 * served from the api package alone, the domain knows nothing of HTTP or Kafka, names are
 * business words.
 */
class StructureTests {

	private static final String ROOT = "com.rvssl.order";

	private final JavaClasses classes = ArchitectureRules.productionClasses(ROOT);

	@Test
	void usesNoOtherModule() {
		ArchitectureRules.usesNoOtherModule(ROOT).check(classes);
	}

	@Test
	void servesHttpOnlyFromTheApiPackage() {
		ArchitectureRules.controllersOnlyIn(ROOT + ".api").check(classes);
	}

	@Test
	void keepsTheDomainFreeOfWebAndKafka() {
		ArchitectureRules
			.domainFreeOfWebAndKafka(ROOT + ".orders", ROOT + ".views", ROOT + ".catalog", ROOT + ".csr",
					ROOT + ".certificates", ROOT + ".pricing", ROOT + ".settings", ROOT + ".dcv")
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
