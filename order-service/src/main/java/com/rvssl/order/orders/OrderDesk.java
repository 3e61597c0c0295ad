package com.rvssl.order.orders;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import com.rvssl.contracts.Dcv;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * What resellers do with orders over the API: place, configure, cancel, look up. Reads
 * and writes are scoped to the caller's reseller id ({@code null} for the operator, who
 * sees all).
 */
@Service
public class OrderDesk {

	private static final int MAX_ATTEMPTS = 10;

	private final OrderStore store;

	private final OrderMetrics metrics;

	private final Clock clock;

	public OrderDesk(OrderStore store, OrderMetrics metrics) {
		this.store = store;
		this.metrics = metrics;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Places an order once per idempotency key: a repeat with the same request hash
	 * returns the first order ({@code created} false), a different hash is a conflict.
	 * The unique index on the key decides: the order is inserted first, and a repeat (or
	 * the loser of a race between concurrent repeats) is refused by the index and
	 * answered from the order the key holds. A new order, the usual case, costs no read.
	 */
	public Mono<Placement> place(String resellerId, OrderDraft draft, AutoOrderMode mode, String clientKey,
			String requestHash) {
		String key = (clientKey != null) ? resellerId + ":" + clientKey : null;
		Mono<Placement> fresh = Mono.defer(() -> {
			Order order = Order.open(UUID.randomUUID().toString(), resellerId, draft, mode, clock.instant(), key,
					requestHash);
			return store.insert(order).map((saved) -> {
				metrics.entered(saved.state());
				if (saved.state() == OrderState.PLACED) {
					metrics.placed(saved.productCode());
				}
				return new Placement(saved, true);
			});
		});
		if (key == null) {
			return fresh;
		}
		return fresh.onErrorResume(DuplicateKeyException.class, (repeat) -> store.findByIdempotencyKey(key)
			.map((existing) -> repeated(existing, clientKey, requestHash)));
	}

	private static Placement repeated(Order existing, String clientKey, String requestHash) {
		if (!existing.requestHash().equals(requestHash)) {
			throw new IdempotencyConflictException(clientKey);
		}
		return new Placement(existing, false);
	}

	/**
	 * Completes an order created without its configuration; {@code check} validates it
	 * against the order, {@code mode} is the reseller's Auto Order Setup now.
	 */
	public Mono<Order> configure(String resellerId, String orderId, AutoOrderMode mode,
			Function<Order, Configuration> check) {
		return change(resellerId, orderId, (order) -> {
			if (order.state() != OrderState.AWAITING_CONFIGURATION) {
				// refuse before checking the body: the order is past the point where it
				// can be configured
				throw new IllegalTransitionException(order.state(), OrderState.PLACED);
			}
			return OrderLifecycle.configure(order, check.apply(order), mode, clock.instant());
		}).doOnNext((order) -> {
			if (order.state() == OrderState.PLACED) {
				metrics.placed(order.productCode());
			}
		});
	}

	/** The reseller's approval of an order held by its Auto Order Setup. */
	public Mono<Order> approve(String resellerId, String orderId) {
		return change(resellerId, orderId, (order) -> OrderLifecycle.approve(order, clock.instant()))
			.doOnNext((order) -> metrics.placed(order.productCode()));
	}

	public Mono<Order> resendDcv(String resellerId, String orderId) {
		return change(resellerId, orderId, (order) -> OrderLifecycle.resendDcv(order, clock.instant()));
	}

	/**
	 * Changes the DCV method of an order the CA validates. The state decides first (409),
	 * then {@code check} validates the new method against the order (and throws when it
	 * does not fit). The same method again changes nothing and sends nothing.
	 */
	public Mono<Order> changeDcv(String resellerId, String orderId, Function<Order, Dcv> check) {
		return change(resellerId, orderId, (order) -> {
			OrderLifecycle.requireDcvChangeable(order);
			return OrderLifecycle.changeDcv(order, check.apply(order), clock.instant());
		});
	}

	/**
	 * {@code check} validates the new CSR against the order's domains (and throws when it
	 * does not fit).
	 */
	public Mono<Order> reissue(String resellerId, String orderId, Function<Order, String> check) {
		return change(resellerId, orderId, (order) -> {
			if (order.state() != OrderState.ISSUED) {
				// the state decides first: a CSR for an order that cannot be reissued is
				// beside the point
				return OrderLifecycle.reissue(order, null, clock.instant());
			}
			return OrderLifecycle.reissue(order, check.apply(order), clock.instant());
		});
	}

	/** Cancels before issuance; cancelling a cancelled order again changes nothing. */
	public Mono<Order> cancel(String resellerId, String orderId, String reason) {
		return find(resellerId, orderId).flatMap((order) -> (order.state() == OrderState.CANCELLED) ? Mono.just(order)
				: change(resellerId, orderId, (current) -> OrderLifecycle.cancel(current, reason, clock.instant())));
	}

	public Mono<Order> find(String resellerId, String orderId) {
		return store.findById(orderId)
			.filter((order) -> resellerId == null || order.isOwnedBy(resellerId))
			.switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)));
	}

	public Mono<OrderStore.OrderPage> list(String resellerId, OrderState state, String domain, int page, int size) {
		return store.page(resellerId, state, domain, page, size);
	}

	private Mono<Order> change(String resellerId, String orderId, Function<Order, OrderChange> decide) {
		return Mono.defer(() -> find(resellerId, orderId).flatMap((order) -> {
			OrderChange change = decide.apply(order);
			if (change == null) {
				// nothing to change: the order as it is, no write and no event
				return Mono.just(order);
			}
			return store.apply(order, null, change, clock.instant())
				.doOnNext((saved) -> metrics.entered(saved.state()));
		})).repeatWhenEmpty(MAX_ATTEMPTS, (repeats) -> repeats);
	}

	/**
	 * The order and whether this request created it (201) or repeated an earlier one
	 * (200).
	 */
	public record Placement(Order order, boolean created) {
	}

}
