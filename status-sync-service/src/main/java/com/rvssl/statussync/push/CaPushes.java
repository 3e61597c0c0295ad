package com.rvssl.statussync.push;

import java.time.Clock;
import java.time.Instant;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.statussync.scheduling.StatusPoller;
import com.rvssl.statussync.tracking.PushedOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What the CAs' pushes may do: one that carries its CA's shared secret makes the
 * outstanding order it names due now. The check itself, with its lease, is the poller's,
 * so a push never runs a check beside another one of the same order; the push's own
 * status is not trusted as the order's status (the check asks the CA through the
 * gateway). A push for an order not tracked yet is kept for when it is
 * ({@link PushedOrders#pushedBeforeTracking}).
 */
@Component
public class CaPushes {

	private static final Logger log = LoggerFactory.getLogger(CaPushes.class);

	private final PushedOrders orders;

	private final SharedSecret digicertSecret;

	private final SharedSecret sectigoToken;

	private final StatusPoller poller;

	private final Clock clock;

	public CaPushes(PushedOrders orders, StatusPoller poller, PushProperties properties, Clock clock) {
		this.orders = orders;
		this.poller = poller;
		this.clock = clock;
		this.digicertSecret = SharedSecret.of(properties.digicertSecret());
		this.sectigoToken = SharedSecret.of(properties.sectigoToken());
	}

	/** Whether a DigiCert webhook's {@code X-WEBHOOK-KEY} is the webhook's secret. */
	public boolean isDigicertSecret(String key) {
		return digicertSecret.matches(key);
	}

	/** Whether a Sectigo push URL's {@code token} is the one given to Sectigo. */
	public boolean isSectigoToken(String token) {
		return sectigoToken.matches(token);
	}

	/**
	 * Makes the CA order due now, if it is an outstanding order of ours (else keeps the
	 * push for when it is). Unknown CA order ids are only logged, so a caller learns
	 * nothing about our orders.
	 */
	public Mono<Void> checkSoon(Push push) {
		Instant now = clock.instant();
		return orders.pushed(push.ca(), push.caOrderId(), push.saysIssued(), now)
			.flatMap(known -> known ? Mono.just(true)
					: orders.pushedBeforeTracking(push.ca(), push.caOrderId(), push.saysIssued(), now))
			.doOnNext(known -> {
				if (known) {
					// due now: claimed at once, not at the poller's next tick
					poller.runSoon();
				}
				else {
					log.info("push from {} for CA order {}: not an outstanding order of ours (yet), kept for when it is"
							+ " tracked", push.ca(), push.caOrderId());
				}
			})
			.then();
	}

	/**
	 * A CA's push: which order, and whether it says the certificate was issued (then the
	 * check asks for the certificate first: one CA call instead of a status read and a
	 * download; the CA's answer, not the push, decides).
	 */
	public record Push(CertificateAuthority ca, String caOrderId, boolean saysIssued) {
	}

}
