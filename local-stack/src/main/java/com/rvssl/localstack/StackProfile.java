package com.rvssl.localstack;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the stack's JVMs, its services and the sandbox CA are tuned. {@link #DEFAULT}
 * starts fast and keeps the CAs' documented request limits and cadences; {@link #LOAD}
 * suits load and chaos runs: the services get the full JIT (C1-only starts sooner but is
 * slow under load; each still within 256 MiB of heap), and the CA's budget is lifted on
 * both sides (the sandbox's limits, the gateway's own rate limiters), so that the
 * platform, not the CA's budget, is what a run measures. Sectigo orders are still found
 * by the sandbox's pushes; status-sync's poll, the net for a push lost while it was down,
 * comes after 30 s instead of Sectigo's three hours, which the sandbox does not ask for.
 * A refused webhook is posted again after 2 s (doubling) instead of 30 s, so that the end
 * of a run that has WHMCS refuse some (the chaos run) waits for the platform, not for the
 * production backoff.
 */
public enum StackProfile {

	DEFAULT(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), List.of(), Map.of()),

	LOAD(List.of("-Xmx256m", "-XX:+UseSerialGC"),
			List.of("--sandbox.digicert.limits.short-window-requests=1000000",
					"--sandbox.digicert.limits.long-window-requests=1000000"),
			Map.of(PlatformService.CA_GATEWAY,
					List.of("--resilience4j.ratelimiter.instances.digicert.limit-for-period=100000",
							"--resilience4j.ratelimiter.instances.sectigo.limit-for-period=100000"),
					PlatformService.STATUS_SYNC, List.of("--rvssl.sync.min-interval.sectigo=PT30S"),
					PlatformService.NOTIFICATION, List.of("--rvssl.notify.webhook.backoff=PT2S")));

	private final List<String> serviceJvm;

	private final List<String> sandboxArguments;

	private final Map<PlatformService, List<String>> serviceArguments;

	StackProfile(List<String> serviceJvm, List<String> sandboxArguments,
			Map<PlatformService, List<String>> serviceArguments) {
		this.serviceJvm = serviceJvm;
		this.sandboxArguments = sandboxArguments;
		this.serviceArguments = serviceArguments;
	}

	List<String> serviceJvm() {
		return serviceJvm;
	}

	List<String> sandboxArguments() {
		return sandboxArguments;
	}

	/** What this profile adds to a service's own arguments. */
	List<String> serviceArguments(PlatformService service) {
		return serviceArguments.getOrDefault(service, List.of());
	}

	/**
	 * The profile named by a {@code --profile=<name>} argument among {@code args};
	 * {@link #DEFAULT} without one.
	 */
	static StackProfile fromArguments(String... args) {
		for (String arg : args) {
			if (arg.startsWith("--profile=")) {
				String name = arg.substring("--profile=".length());
				try {
					return valueOf(name.toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("unknown profile '" + name + "': use default or load", ex);
				}
			}
		}
		return DEFAULT;
	}

}
