package com.rvssl.kit.test;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The structure rules every service keeps, as tests a service's own
 * {@code StructureTests} inherits, naming its web and domain packages and adding rules of
 * its own.
 */
public abstract class ServiceStructureTests {

	private final String rootPackage;

	private final List<String> webPackages;

	private final List<String> domainPackages;

	protected ServiceStructureTests(String rootPackage, List<String> webPackages, List<String> domainPackages) {
		this.rootPackage = rootPackage;
		this.webPackages = webPackages.stream().map((p) -> rootPackage + "." + p).toList();
		this.domainPackages = domainPackages.stream().map((p) -> rootPackage + "." + p).toList();
	}

	/** The service's production classes, read once per test JVM. */
	protected final JavaClasses classes() {
		return ArchitectureRules.productionClasses(rootPackage);
	}

	@Test
	void usesNoOtherModule() {
		ArchitectureRules.usesNoOtherModule(rootPackage).check(classes());
	}

	@Test
	void servesHttpOnlyFromItsWebPackages() {
		ArchitectureRules.controllersOnlyIn(webPackages.toArray(String[]::new)).check(classes());
	}

	@Test
	void keepsTheDomainFreeOfWebAndKafka() {
		ArchitectureRules.domainFreeOfWebAndKafka(domainPackages.toArray(String[]::new)).check(classes());
	}

	@Test
	void namesClassesWithBusinessWords() {
		ArchitectureRules.namesAreBusinessWords().check(classes());
	}

	@Test
	void onlyKafkaListenersWaitForReactiveWork() {
		ArchitectureRules.onlyListenersWaitForReactiveWork().check(classes());
	}

}
