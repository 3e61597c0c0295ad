package com.rvssl.kit.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The structure rules every module of the platform keeps, so that each service's
 * structure test reads the same: services share only the contracts and the kit, HTTP is
 * served from one package, the domain knows nothing of HTTP or Kafka, and names are
 * business words.
 */
public final class ArchitectureRules {

	/** The root package of each deployable module; none may use another's code. */
	public static final List<String> MODULES = List.of("com.rvssl.order", "com.rvssl.billing", "com.rvssl.gateway",
			"com.rvssl.statussync", "com.rvssl.notify", "com.rvssl.sandbox", "com.rvssl.localstack");

	private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

	private ArchitectureRules() {
	}

	/** The production classes of one module, read once per test JVM. */
	public static JavaClasses productionClasses(String rootPackage) {
		return IMPORTED.computeIfAbsent(rootPackage,
				(root) -> new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
					.importPackages(root));
	}

	/**
	 * The module uses no other module's code: only the contracts and the kit are shared.
	 */
	public static ArchRule usesNoOtherModule(String rootPackage) {
		return noClasses().that()
			.resideInAPackage(rootPackage + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(MODULES.stream()
				.filter((module) -> !module.equals(rootPackage))
				.map((module) -> module + "..")
				.toArray(String[]::new))
			.because("services talk only through events; they share the contracts and the service kit");
	}

	/**
	 * Controllers live in the module's web packages (its {@code api} package, and a
	 * package of server-rendered pages where a module has one) and nowhere else.
	 */
	public static ArchRule controllersOnlyIn(String... webPackages) {
		return classes().that()
			.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
			.or()
			.areAnnotatedWith("org.springframework.stereotype.Controller")
			.should()
			.resideInAnyPackage(List.of(webPackages).stream().map((p) -> p + "..").toArray(String[]::new))
			.because("HTTP is one entry point among others; the domain is reached through it, not inside it");
	}

	/**
	 * The domain packages know nothing of HTTP, Kafka or the packages that serve them.
	 */
	public static ArchRule domainFreeOfWebAndKafka(String... domainPackages) {
		return noClasses().that()
			.resideInAnyPackage(List.of(domainPackages).stream().map((p) -> p + "..").toArray(String[]::new))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http.server..",
					"org.springframework.kafka..", "org.apache.kafka..", "..api..", "..messaging..")
			.because("the domain is the same whichever way a request or an event reaches it");
	}

	/** No class named after a vague role. */
	public static ArchRule namesAreBusinessWords() {
		return noClasses().should()
			.haveSimpleNameEndingWith("Manager")
			.orShould()
			.haveSimpleNameEndingWith("Helper")
			.orShould()
			.haveSimpleNameEndingWith("Util")
			.orShould()
			.haveSimpleNameEndingWith("Impl");
	}

	/**
	 * Only a Kafka listener waits for reactive work ({@code block}), so that each record
	 * is finished before the next; everything else stays non-blocking.
	 */
	public static ArchRule onlyListenersWaitForReactiveWork() {
		return noClasses().that()
			.haveSimpleNameNotEndingWith("Listener")
			.should()
			.callMethodWhere(target(nameStartingWith("block"))
				.and(target(owner(assignableTo(Mono.class).or(assignableTo(Flux.class))))))
			.because("only a Kafka listener may wait, so that each record is finished before the next");
	}

}
