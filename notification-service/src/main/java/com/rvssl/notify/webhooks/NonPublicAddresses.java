package com.rvssl.notify.webhooks;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The address blocks a post on a reseller's behalf must never reach: what is not the
 * public internet (this host, the platform's own networks, the cloud's metadata service)
 * and what is not one host (multicast, broadcast). An IPv6 address that carries an IPv4
 * one (IPv4-mapped or -compatible, NAT64, 6to4) is judged by the IPv4 address too.
 */
final class NonPublicAddresses {

	/** Each block with the words a refusal uses for it, most specific first. */
	private static final Map<AddressBlock, String> BLOCKS = new LinkedHashMap<>();

	private static final AddressBlock IPV6_GLOBAL_UNICAST = AddressBlock.parse("2000::/3");

	/** IPv6 forms that reach an IPv4 address: judged by that address alone. */
	private static final AddressBlock[] IPV4_CARRIERS = { AddressBlock.parse("::ffff:0:0/96"),
			AddressBlock.parse("64:ff9b::/96") };

	private static final AddressBlock IPV4_COMPATIBLE = AddressBlock.parse("::/96");

	private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("2002::/16");

	static {
		block("0.0.0.0/32", "an unspecified address");
		block("0.0.0.0/8", "a reserved address");
		block("127.0.0.0/8", "a loopback address");
		block("10.0.0.0/8", "a private address");
		block("172.16.0.0/12", "a private address");
		block("192.168.0.0/16", "a private address");
		block("100.64.0.0/10", "a shared (carrier-grade NAT) address");
		block("169.254.0.0/16", "a link-local address (cloud metadata lives there)");
		block("192.0.0.0/24", "a reserved address");
		block("192.0.2.0/24", "a reserved address");
		block("192.88.99.0/24", "a reserved address");
		block("198.18.0.0/15", "a reserved address");
		block("198.51.100.0/24", "a reserved address");
		block("203.0.113.0/24", "a reserved address");
		block("224.0.0.0/4", "a multicast address");
		block("240.0.0.0/4", "a reserved address");
		block("::/128", "an unspecified address");
		block("::1/128", "a loopback address");
		block("fc00::/7", "a private address");
		block("fec0::/10", "a private address");
		block("fe80::/10", "a link-local address");
		block("ff00::/8", "a multicast address");
		block("100::/64", "a reserved address");
		block("2001::/23", "a reserved address");
		block("2001:db8::/32", "a reserved address");
	}

	private NonPublicAddresses() {
	}

	private static void block(String cidr, String words) {
		BLOCKS.put(AddressBlock.parse(cidr), words);
	}

	/**
	 * What kind of non-public address this is ("a loopback address"), or empty for a
	 * public one.
	 */
	static Optional<String> kindOf(InetAddress address) {
		return kindOf(address.getAddress());
	}

	static Optional<String> kindOf(byte[] bytes) {
		if (bytes.length == 16) {
			for (AddressBlock carrier : IPV4_CARRIERS) {
				if (carrier.contains(bytes)) {
					return kindOf(Arrays.copyOfRange(bytes, 12, 16));
				}
			}
		}
		for (Map.Entry<AddressBlock, String> block : BLOCKS.entrySet()) {
			if (block.getKey().contains(bytes)) {
				return Optional.of(block.getValue());
			}
		}
		if (bytes.length == 4) {
			return Optional.empty();
		}
		// the deprecated forms that also carry an IPv4 address: refused when it is not
		// public
		Optional<String> carried = IPV4_COMPATIBLE.contains(bytes) ? kindOf(Arrays.copyOfRange(bytes, 12, 16))
				: SIX_TO_FOUR.contains(bytes) ? kindOf(Arrays.copyOfRange(bytes, 2, 6)) : Optional.empty();
		if (carried.isPresent()) {
			return carried;
		}
		return IPV6_GLOBAL_UNICAST.contains(bytes) ? Optional.empty() : Optional.of("a reserved address");
	}

}
