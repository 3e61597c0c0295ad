package com.rvssl.notify.webhooks;

import java.net.InetAddress;
import java.util.Arrays;

import io.netty.util.NetUtil;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8},
 * {@code fc00::/7}). An address of the other family is never inside.
 */
record AddressBlock(byte[] network, int prefixLength) {

	AddressBlock {
		network = network.clone();
	}

	/** {@code <address literal>/<prefix length>}; a bare address is a block of one. */
	static AddressBlock parse(String cidr) {
		String text = cidr.trim();
		int slash = text.indexOf('/');
		String address = (slash < 0) ? text : text.substring(0, slash);
		byte[] network = NetUtil.createByteArrayFromIpAddressString(address);
		if (network == null) {
			throw new IllegalArgumentException("'" + cidr + "' is not an address block like 127.0.0.0/8 or ::1/128");
		}
		int prefixLength = network.length * 8;
		if (slash >= 0) {
			try {
				prefixLength = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefixLength = -1;
			}
		}
		if (prefixLength < 0 || prefixLength > network.length * 8) {
			throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
		}
		return new AddressBlock(network, prefixLength);
	}

	boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	boolean contains(byte[] address) {
		if (address.length != network.length) {
			return false;
		}
		int fullBytes = prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (address[i] != network[i]) {
				return false;
			}
		}
		int restBits = prefixLength % 8;
		if (restBits == 0) {
			return true;
		}
		int mask = (0xff << (8 - restBits)) & 0xff;
		return (address[fullBytes] & mask) == (network[fullBytes] & mask);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AddressBlock block && block.prefixLength == prefixLength
				&& Arrays.equals(block.network, network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(network) + prefixLength;
	}

	@Override
	public String toString() {
		return NetUtil.bytesToIpAddress(network) + "/" + prefixLength;
	}

}
