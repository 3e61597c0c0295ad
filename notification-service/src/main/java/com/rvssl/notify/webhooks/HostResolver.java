package com.rvssl.notify.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a webhook's host name into the addresses a post would connect to. One bean, used
 * both when a webhook is registered and when each post connects, so that the addresses
 * checked are the addresses connected to (tests replace it to play DNS rebinding).
 * Blocking: callers run it off the event loop.
 */
@FunctionalInterface
public interface HostResolver {

	List<InetAddress> resolve(String host) throws UnknownHostException;

	/** The JVM's own resolver (the operating system's, with the JVM's cache). */
	static HostResolver system() {
		return (host) -> List.of(InetAddress.getAllByName(host));
	}

}
