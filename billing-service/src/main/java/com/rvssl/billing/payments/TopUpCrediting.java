package com.rvssl.billing.payments;

import com.rvssl.billing.charging.TopUpReceipt;
import com.rvssl.billing.charging.TopUps;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The one step that turns a confirmed top-up into credit: the account's crediting path
 * ({@link TopUps}, which releases waiting orders oldest first in the same update), keyed
 * by the top-up's id so that it credits once however often it runs, then the top-up
 * marked PAID. A crash between the two leaves the top-up CREDITING, which the next
 * callback or the sweep completes.
 */
@Component
class TopUpCrediting {

	private final TopUps topUps;

	private final TopUpStore store;

	TopUpCrediting(TopUps topUps, TopUpStore store) {
		this.topUps = topUps;
		this.store = store;
	}

	/** Credits a CREDITING (or PAID) top-up; the receipt of its one credit. */
	Mono<Credited> credit(TopUp topUp) {
		return topUps.topUp(topUp.resellerId(), topUp.id(), topUp.money(), topUp.reference())
			.flatMap((result) -> store.move(topUp.id(), TopUpState.PAID, null, TopUpState.CREDITING)
				.switchIfEmpty(Mono.defer(() -> store.find(topUp.id())))
				.map((paid) -> new Credited(paid, result.receipt())));
	}

	/** The top-up after its credit, and the credit's receipt. */
	record Credited(TopUp topUp, TopUpReceipt receipt) {
	}

}
