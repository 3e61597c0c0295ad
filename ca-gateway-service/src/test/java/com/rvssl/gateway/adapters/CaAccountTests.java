package com.rvssl.gateway.adapters;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.rvssl.gateway.adapters.digicert.DigicertProperties;
import com.rvssl.gateway.adapters.sectigo.SectigoProperties;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Several accounts per CA without a CA: the stable choice of an order's account, the
 * names the configuration accepts, and one budget per account.
 */
class CaAccountTests {

	private static final List<String> TWO = List.of("default", "second");

	@Test
	void theSameOrderIdAlwaysGetsTheSameAccountAndOneAccountGetsEveryOrder() {
		for (int i = 0; i < 1_000; i++) {
			String orderId = "ord-" + UUID.randomUUID();
			assertThat(CaAccount.choose(orderId, TWO)).isEqualTo(CaAccount.choose(orderId, List.copyOf(TWO))).isIn(TWO);
			assertThat(CaAccount.choose(orderId, List.of("only"))).isEqualTo("only");
		}
		// fixed: the choice does not depend on the JVM, the replica or the run
		assertThat(CaAccount.choose("ord-stable", TWO)).isEqualTo(CaAccount.choose("ord-stable", TWO));
		assertThat(IntStream.range(0, 8).mapToObj(i -> CaAccount.choose("ord-" + i, TWO)).toList())
			.isEqualTo(IntStream.range(0, 8).mapToObj(i -> CaAccount.choose("ord-" + i, TWO)).toList());
	}

	@Test
	void tenThousandOrderIdsSpreadEvenlyOverTwoAndOverThreeAccounts() {
		// random ids and sequential ones: both spread (the hash is SHA-256, whatever the
		// shape of the ids). Bounds far from the mean: 40% of 10,000 is 20 standard
		// deviations away, so the test cannot flake.
		List<String> random = IntStream.range(0, 10_000).mapToObj(i -> "ord-" + UUID.randomUUID()).toList();
		List<String> sequential = IntStream.range(0, 10_000).mapToObj(i -> "ord-" + i).toList();
		for (List<String> orderIds : List.of(random, sequential)) {
			Map<String, Long> byAccount = spread(orderIds, TWO);
			assertThat(byAccount).containsOnlyKeys(TWO);
			assertThat(byAccount.values()).allSatisfy(count -> assertThat(count).isBetween(4_000L, 6_000L));

			List<String> three = List.of("default", "second", "third");
			Map<String, Long> overThree = spread(orderIds, three);
			assertThat(overThree).containsOnlyKeys(three);
			assertThat(overThree.values()).allSatisfy(count -> assertThat(count).isBetween(2_667L, 4_000L));
		}
	}

	@Test
	void theDefaultAccountSpendsTheCasLimiterAndAnyOtherItsOwn() {
		assertThat(CaAccount.defaultOf("digicert").limiter()).isEqualTo("digicert");
		assertThat(new CaAccount("digicert", "main", true).limiter()).isEqualTo("digicert");
		assertThat(new CaAccount("digicert", "second", false).limiter()).isEqualTo("digicert-second");
		assertThat(new CaAccount("sectigo", "second", false)).hasToString("sectigo account second");
	}

	@Test
	void accountsWithABlankOrRepeatedNameOrABlankCredentialAreRefusedNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DigicertProperties("http://ca", "key",
					List.of(new DigicertProperties.Account("a", "k1"), new DigicertProperties.Account("a", "k2"))))
			.withMessageContaining("rvssl.ca.digicert.accounts[1].name 'a' is the name of another account");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new DigicertProperties("http://ca", "key", List.of(new DigicertProperties.Account(" ", "k1"))))
			.withMessageContaining("rvssl.ca.digicert.accounts[0].name is blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DigicertProperties("http://ca", "key",
					List.of(new DigicertProperties.Account("sub.1", "k1"))))
			.withMessageContaining("may hold only letters, digits, '-' and '_'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DigicertProperties("http://ca", "key",
					List.of(new DigicertProperties.Account("a", "k1"), new DigicertProperties.Account("b", ""))))
			.withMessageContaining("rvssl.ca.digicert.accounts[1].api-key is blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SectigoProperties("http://ca", "login", "password",
					List.of(new SectigoProperties.Account("a", "login-a", null))))
			.withMessageContaining("rvssl.ca.sectigo.accounts[0] needs a login-name and a login-password");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SectigoProperties("http://ca", "login", "password",
					List.of(new SectigoProperties.Account("a", "l1", "p1"),
							new SectigoProperties.Account("a", "l2", "p2"))))
			.withMessageContaining("rvssl.ca.sectigo.accounts[1].name 'a'");
		// no list: the one key, as before
		assertThat(new DigicertProperties("http://ca", "key").accounts()).isEmpty();
		assertThat(new DigicertProperties.Account("a", "secret-key").toString()).doesNotContain("secret-key");
		assertThat(new SectigoProperties.Account("a", "login", "secret").toString()).doesNotContain("secret");
	}

	@Test
	void theServiceRefusesToStartWithTwoAccountsOfOneNameAndSaysWhich() {
		ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Accounts.class);

		context
			.withPropertyValues("rvssl.ca.digicert.accounts[0].name=main", "rvssl.ca.digicert.accounts[0].api-key=k1",
					"rvssl.ca.digicert.accounts[1].name=main", "rvssl.ca.digicert.accounts[1].api-key=k2")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("rvssl.ca.digicert.accounts[1].name 'main' is the name of another account"));
		context
			.withPropertyValues("rvssl.ca.sectigo.accounts[0].name=main",
					"rvssl.ca.sectigo.accounts[0].login-name=reseller")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("rvssl.ca.sectigo.accounts[0] needs a login-name and a login-password"));
		context
			.withPropertyValues("rvssl.ca.digicert.accounts[0].name=main", "rvssl.ca.digicert.accounts[0].api-key=k1",
					"rvssl.ca.digicert.accounts[1].name=sub2", "rvssl.ca.digicert.accounts[1].api-key=k2")
			.run(started -> assertThat(started.getBean(DigicertProperties.class).accounts())
				.extracting(DigicertProperties.Account::name, DigicertProperties.Account::apiKey)
				.containsExactly(tuple("main", "k1"), tuple("sub2", "k2")));
		context.run(started -> assertThat(started.getBean(DigicertProperties.class).accounts()).isEmpty());
	}

	@EnableConfigurationProperties({ DigicertProperties.class, SectigoProperties.class })
	static class Accounts {

	}

	@Test
	void anAccountThatSpentItsBudgetRefusesItsOwnCallsWhileAnotherAccountsCallsGoThrough() {
		RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
		registry.rateLimiter("digicert",
				RateLimiterConfig.custom()
					.limitForPeriod(5)
					.limitRefreshPeriod(Duration.ofSeconds(30))
					.timeoutDuration(Duration.ofMillis(100))
					.build());
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		CaBudget budget = new CaBudget(registry, new CaBudgetProperties(0.2, Duration.ofSeconds(5)), meters);
		CaAccount main = CaAccount.defaultOf("digicert");
		CaAccount second = new CaAccount("digicert", "second", false);

		for (int i = 0; i < 5; i++) {
			budget.spend(second, CallPriority.SUBMISSION, Mono.just(i)).block(Duration.ofSeconds(1));
		}
		assertThatThrownBy(() -> budget.spend(second, CallPriority.SUBMISSION, Mono.just("placed")).block())
			.isInstanceOf(CaUnavailable.OverBudget.class)
			.hasMessageContaining("digicert account second");
		assertThatThrownBy(() -> budget.spend(second, CallPriority.STATUS, Mono.just("status")).block())
			.isInstanceOf(CaUnavailable.OverBudget.class);

		assertThat(budget.spend(main, CallPriority.STATUS, Mono.just("status")).block(Duration.ofSeconds(1)))
			.isEqualTo("status");
		assertThat(budget.spend(main, CallPriority.SUBMISSION, Mono.just("placed")).block(Duration.ofSeconds(1)))
			.isEqualTo("placed");
		// the other account's limiter was made with the CA's configuration
		assertThat(registry.rateLimiter("digicert-second").getRateLimiterConfig().getLimitForPeriod()).isEqualTo(5);
		assertThat(registry.rateLimiter("digicert-second").getRateLimiterConfig().getLimitRefreshPeriod())
			.isEqualTo(Duration.ofSeconds(30));
		assertThat(meters.get("rvssl.ca.budget.refused")
			.tags("ca", "digicert", "account", "second", "priority", "submission")
			.counter()
			.count()).isEqualTo(1);
		assertThat(meters.get("rvssl.ca.budget.permits")
			.tags("ca", "digicert", "account", "default", "priority", "status")
			.counter()
			.count()).isEqualTo(1);
		assertThat(meters.find("rvssl.ca.budget.refused").tags("account", "default").counters()).isEmpty();
	}

	@Test
	void anAccountConfiguredUnderItsOwnNameKeepsItsOwnLimits() {
		RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
		registry.rateLimiter("sectigo",
				RateLimiterConfig.custom().limitForPeriod(10).limitRefreshPeriod(Duration.ofSeconds(1)).build());
		registry.rateLimiter("sectigo-big",
				RateLimiterConfig.custom().limitForPeriod(50).limitRefreshPeriod(Duration.ofSeconds(1)).build());
		CaBudget budget = new CaBudget(registry, new CaBudgetProperties(0.2, Duration.ofSeconds(5)),
				new SimpleMeterRegistry());

		assertThat(budget.limiter(new CaAccount("sectigo", "big", false)).getRateLimiterConfig().getLimitForPeriod())
			.isEqualTo(50);
		assertThat(budget.limiter(new CaAccount("sectigo", "small", false)).getRateLimiterConfig().getLimitForPeriod())
			.isEqualTo(10);
	}

	private static Map<String, Long> spread(List<String> orderIds, List<String> accounts) {
		return orderIds.stream()
			.collect(Collectors.groupingBy(orderId -> CaAccount.choose(orderId, accounts), Collectors.counting()));
	}

}
