package com.rvssl.notify;

import com.rvssl.kit.test.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
		noClasses().that()
			.haveSimpleNameNotEndingWith("Listener")
			.should()
			.callMethodWhere(target(nameStartingWith("block"))
				.and(target(owner(assignableTo(Mono.class).or(assignableTo(Flux.class))))))
			.because("only a Kafka listener may wait, so that each record is finished before the next")
			.check(classes);
	}

}
