package com.rvssl.billing.page;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInAttemptsTests {

	private static final long SECOND = 1_000_000_000L;

	private final SignInAttempts attempts = new SignInAttempts(3, Duration.ofSeconds(6), 1_000);

	@Test
	void anAddressGetsItsAttemptsAtOnceThenWaitsForTheNextWhileAnotherAddressGoesOn() throws Exception {
		InetSocketAddress guesser = address("203.0.113.7");
		for (int i = 0; i < 3; i++) {
			assertThat(attempts.take(guesser, 0)).isZero();
		}

		assertThat(attempts.take(guesser, 0)).isEqualTo(6);
		assertThat(attempts.take(guesser, 2 * SECOND)).isEqualTo(4);
		assertThat(attempts.take(address("203.0.113.8"), 2 * SECOND)).isZero();
		assertThat(attempts.take(guesser, 7 * SECOND)).as("one attempt back after the refill").isZero();
		assertThat(attempts.take(guesser, 7 * SECOND)).isPositive();
	}

	@Test
	void anIpv6ClientCountsByItsSlash64SoNewAddressesInItsBlockGetNoNewAttempts() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(attempts.take(address("2001:db8:1:2::" + Integer.toHexString(i + 1)), 0)).isZero();
		}

		assertThat(attempts.take(address("2001:db8:1:2:ffff::9"), 0)).isPositive();
		assertThat(attempts.take(address("2001:db8:1:3::1"), 0)).as("another /64").isZero();
	}

	@Test
	void aSprayOfAddressesKeepsAtMostTheBoundInMemory() throws Exception {
		for (int i = 0; i < 100_000; i++) {
			attempts.take(address("10." + ((i >> 16) & 0xff) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff)), i);
		}

		assertThat(attempts.tracked()).isEqualTo(1_000);
	}

	@Test
	void theAddressRecentlyUsedIsKeptWhenTheBoundForgetsOthers() throws Exception {
		SignInAttempts small = new SignInAttempts(1, Duration.ofMinutes(1), 2);
		InetSocketAddress guesser = address("203.0.113.7");
		assertThat(small.take(guesser, 0)).isZero();
		small.take(address("203.0.113.8"), 0);
		assertThat(small.take(guesser, 0)).isPositive();

		small.take(address("203.0.113.9"), 0);

		assertThat(small.take(guesser, 0)).as("still limited: 203.0.113.8 was forgotten, not it").isPositive();
	}

	@Test
	void aForwardedAddressCountsByItsTextWithoutALookUpAndIpv6ByItsSlash64() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(attempts.take(InetSocketAddress.createUnresolved("203.0.113.7", 0), 0)).isZero();
			assertThat(attempts.take(InetSocketAddress.createUnresolved("[2001:db8:1:2::" + (i + 1) + "]", 0), 0))
				.isZero();
		}

		assertThat(attempts.take(InetSocketAddress.createUnresolved("203.0.113.7", 0), 0)).isPositive();
		assertThat(attempts
			.take(new InetSocketAddress(InetAddress.getByAddress(new byte[] { (byte) 203, 0, 113, 7 }), 0), 0))
			.as("the same address from the connection")
			.isPositive();
		assertThat(attempts.take(InetSocketAddress.createUnresolved("2001:db8:1:2::ff", 0), 0)).isPositive();
		assertThat(SignInAttempts.keyOf(InetSocketAddress.createUnresolved("x".repeat(10_000), 0))).hasSize(64);
	}

	private static InetSocketAddress address(String literal) throws UnknownHostException {
		return new InetSocketAddress(InetAddress.getByName(literal), 40_000);
	}

}
