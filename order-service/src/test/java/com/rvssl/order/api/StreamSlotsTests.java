package com.rvssl.order.api;

import org.junit.jupiter.api.Test;

import com.rvssl.kit.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;

class StreamSlotsTests {

	private final StreamSlots slots = new StreamSlots(2);

	@Test
	void aKeyGetsAtMostItsCapOfSlotsWhileOtherKeysGetTheirOwn() {
		assertThat(slots.take(Caller.reseller("ann"))).isNotNull();
		assertThat(slots.take(Caller.reseller("ann"))).isNotNull();

		assertThat(slots.take(Caller.reseller("ann"))).isNull();
		assertThat(slots.take(Caller.reseller("bob"))).isNotNull();
		assertThat(slots.take(Caller.theOperator())).isNotNull();
		assertThat(slots.openFor("ann")).isEqualTo(2);
	}

	@Test
	void aReleasedSlotIsFreeAgainOnceHoweverOftenItIsReleasedAndAKeyWithNoneIsForgotten() {
		StreamSlots.Slot first = slots.take(Caller.reseller("ann"));
		StreamSlots.Slot second = slots.take(Caller.reseller("ann"));

		first.release();
		first.release();

		assertThat(slots.openFor("ann")).isEqualTo(1);
		StreamSlots.Slot third = slots.take(Caller.reseller("ann"));
		assertThat(third).isNotNull();
		assertThat(slots.take(Caller.reseller("ann"))).isNull();
		second.release();
		third.release();
		assertThat(slots.openFor("ann")).isZero();
	}

}
