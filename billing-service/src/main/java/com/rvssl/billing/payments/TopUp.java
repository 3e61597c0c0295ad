package com.rvssl.billing.payments;

import java.time.Instant;
import java.util.Objects;

import com.rvssl.contracts.Money;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One top-up: the money asked for, how it comes in and where it stands. Its own document,
 * apart from the account: the account only learns of it when it is credited, through
 * {@link com.rvssl.billing.charging.TopUps} with the top-up's id as the idempotency key,
 * so a top-up credits at most once however often it is confirmed.
 *
 * @param idempotencyKey the caller's key, namespaced by source ({@link TopUpSource})
 * @param paymentId the provider's payment (none for a bank transfer, or before the
 * provider answered)
 * @param paidAt when the payment was confirmed or the transfer recorded
 */
@Document(TopUp.COLLECTION)
@CompoundIndex(name = "reseller_key", def = "{'resellerId': 1, 'idempotencyKey': 1}", unique = true)
@CompoundIndex(name = "state_created", def = "{'state': 1, 'createdAt': 1}")
@CompoundIndex(name = "reseller_created", def = "{'resellerId': 1, 'createdAt': -1}")
public record TopUp(@Id String id, String resellerId, String idempotencyKey, TopUpSource source, long amount,
		String currency, String reference, TopUpState state, @Indexed(unique = true, sparse = true) String paymentId,
		String paymentUrl, Instant createdAt, Instant paidAt) {

	public static final String COLLECTION = "topUps";

	static TopUp pendingPayment(String id, String resellerId, String idempotencyKey, Money amount, String reference,
			Instant now) {
		return new TopUp(id, resellerId, TopUpSource.PAYMENT.storedKey(idempotencyKey), TopUpSource.PAYMENT,
				amount.amount(), amount.currency(), reference, TopUpState.PENDING_PAYMENT, null, null, now, null);
	}

	static TopUp bankTransfer(String id, String resellerId, String idempotencyKey, Money amount, String reference,
			Instant now) {
		return new TopUp(id, resellerId, TopUpSource.BANK_TRANSFER.storedKey(idempotencyKey), TopUpSource.BANK_TRANSFER,
				amount.amount(), amount.currency(), reference, TopUpState.CREDITING, null, null, now, now);
	}

	public Money money() {
		return Money.of(amount, currency);
	}

	/** Whether a request with the same key asks for the same top-up. */
	boolean sameRequest(Money requested, String requestedReference) {
		return money().equals(requested) && Objects.equals(reference, requestedReference);
	}

}
