package com.rvssl.billing.page;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in attempts per client address: a token bucket each, {@code attempts} at once and
 * one more every {@code refill}. The table is bounded: at most {@code addresses} buckets,
 * the least recently used forgotten first, so a spray of addresses costs a fixed amount
 * of memory (forgetting an address only gives it a fresh allowance, which a sprayer with
 * that many addresses has anyway). IPv6 addresses count by their /64, the block one
 * client is usually given. Time is passed in (nanoseconds) so it is tested without
 * waiting.
 */
final class SignInAttempts {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	/** A key's text at most: a forwarded header is text of any length. */
	private static final int MAX_KEY_LENGTH = 64;

	private final long refillNanos;

	private final long maxCredit;

	private final Map<String, Bucket> buckets;

	SignInAttempts(int attempts, Duration refill, int addresses) {
		if (attempts < 1 || refill.isNegative() || refill.isZero() || addresses < 1) {
			throw new IllegalArgumentException("sign-in attempts, refill and addresses must be positive");
		}
		this.refillNanos = refill.toNanos();
		this.maxCredit = Math.multiplyExact(refillNanos, attempts);
		this.buckets = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > addresses;
			}

		};
	}

	/**
	 * Takes one attempt for {@code client}: 0 when it may go, else the whole seconds to
	 * wait for the next (at least 1).
	 */
	synchronized long take(InetSocketAddress client, long nowNanos) {
		Bucket bucket = buckets.computeIfAbsent(keyOf(client), (key) -> new Bucket(nowNanos));
		return bucket.take(nowNanos);
	}

	/** How many addresses are remembered now. */
	synchronized int tracked() {
		return buckets.size();
	}

	static String keyOf(InetSocketAddress client) {
		if (client == null) {
			return "unknown";
		}
		if (client.getAddress() != null) {
			return keyOf(client.getAddress());
		}
		// Spring's forwarded-header handling leaves the client's address unresolved: its
		// text, read without any DNS look-up (brackets make Java parse an IPv6 literal
		// or fail)
		String host = client.getHostString();
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (bare.indexOf(':') >= 0) {
			try {
				return keyOf(InetAddress.getByName("[" + bare + "]"));
			}
			catch (UnknownHostException ex) {
				// not an address: counted by its text like any other
			}
		}
		return (bare.length() > MAX_KEY_LENGTH) ? bare.substring(0, MAX_KEY_LENGTH) : bare;
	}

	private static String keyOf(InetAddress address) {
		if (address instanceof Inet6Address) {
			return "v6:" + HexFormat.of().formatHex(Arrays.copyOf(address.getAddress(), 8));
		}
		return address.getHostAddress();
	}

	/**
	 * An address's allowance as time credit in nanoseconds (one attempt costs
	 * {@code refillNanos}), so the arithmetic is exact.
	 */
	private final class Bucket {

		private long credit;

		private long lastNanos;

		Bucket(long nowNanos) {
			this.credit = maxCredit;
			this.lastNanos = nowNanos;
		}

		long take(long nowNanos) {
			long elapsed = Math.max(0, nowNanos - lastNanos);
			credit = (elapsed >= maxCredit - credit) ? maxCredit : credit + elapsed;
			lastNanos = nowNanos;
			if (credit >= refillNanos) {
				credit -= refillNanos;
				return 0;
			}
			return Math.max(1, (refillNanos - credit + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
		}

	}

}
