package com.rvssl.order.orders;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderStateTests {

	@ParameterizedTest
	@EnumSource(OrderState.class)
	void everyAllowedMoveGoesForwardOrStaysToRefreshDetail(OrderState from) {
		for (OrderState to : OrderState.values()) {
			if (from.canMoveTo(to)) {
				assertThat(to.ordinal()).as(from + " -> " + to).isGreaterThanOrEqualTo(from.ordinal());
			}
		}
	}

	@Test
	void onlyRetryingAndPendingValidationMayBeReentered() {
		EnumSet<OrderState> reenterable = EnumSet.noneOf(OrderState.class);
		for (OrderState state : OrderState.values()) {
			if (state.canMoveTo(state)) {
				reenterable.add(state);
			}
		}
		assertThat(reenterable).containsExactlyInAnyOrder(OrderState.SUBMISSION_RETRYING,
				OrderState.PENDING_VALIDATION);
	}

	@Test
	void issuedRejectedAndCancelledAreFinal() {
		assertThat(EnumSet.allOf(OrderState.class).stream().filter(OrderState::isFinal))
			.containsExactlyInAnyOrder(OrderState.ISSUED, OrderState.REJECTED, OrderState.CANCELLED);
	}

	@Test
	void anOrderCanBeCancelledUntilItIsIssued() {
		assertThat(OrderState.WAITING_FOR_PAYMENT.isCancellable()).isTrue();
		assertThat(OrderState.PENDING_VALIDATION.isCancellable()).isTrue();
		assertThat(OrderState.ISSUED.isCancellable()).isFalse();
		assertThatThrownBy(() -> OrderState.ISSUED.moveTo(OrderState.CANCELLED))
			.isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("ISSUED");
	}

	@Test
	void anIllegalMoveIsAnError() {
		assertThatThrownBy(() -> OrderState.PAID.moveTo(OrderState.WAITING_FOR_PAYMENT))
			.isInstanceOf(IllegalTransitionException.class);
		assertThat(OrderState.PLACED.moveTo(OrderState.WAITING_FOR_PAYMENT)).isEqualTo(OrderState.WAITING_FOR_PAYMENT);
	}

}
