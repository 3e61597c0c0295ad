package com.rvssl.embeddedmongo;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A walk hands out the index's entries as they are asked for: a query stopped at its
 * limit reads that many entries, not the whole slice.
 */
class OrderedIndexWalkTests {

	@Test
	void aWalkReadsOnlyTheEntriesTakenFromIt() {
		AtomicInteger read = new AtomicInteger();
		NavigableMap<OrderedIndex.Key, Integer> first = counted(0, 10_000, read);
		NavigableMap<OrderedIndex.Key, Integer> second = counted(10_000, 10_000, read);
		OrderedIndex.Walk<Integer> walk = new OrderedIndex.Walk<>(List.of(first, second), 1);

		Iterator<Integer> positions = walk.positions(OrderedIndex.Direction.FORWARD).iterator();
		for (int i = 0; i < 100; i++) {
			assertThat(positions.next()).isEqualTo(i);
		}

		assertThat(read).hasValueLessThanOrEqualTo(101);
		// and on into the next slice, in order, to the end
		int taken = 100;
		while (positions.hasNext()) {
			assertThat(positions.next()).isEqualTo(taken++);
		}
		assertThat(taken).isEqualTo(20_000);
	}

	/**
	 * A slice of {@code size} positions from {@code from}, counting the entries read
	 * through its values.
	 */
	private static NavigableMap<OrderedIndex.Key, Integer> counted(int from, int size, AtomicInteger read) {
		TreeMap<OrderedIndex.Key, Integer> slice = new TreeMap<>(
				Comparator.comparing((OrderedIndex.Key key) -> (Integer) key.values().get(0))) {

			@Override
			public Collection<Integer> values() {
				Collection<Integer> values = super.values();
				return new AbstractCollection<>() {

					@Override
					public Iterator<Integer> iterator() {
						Iterator<Integer> all = values.iterator();
						return new Iterator<>() {

							@Override
							public boolean hasNext() {
								return all.hasNext();
							}

							@Override
							public Integer next() {
								read.incrementAndGet();
								return all.next();
							}

						};
					}

					@Override
					public int size() {
						return values.size();
					}

				};
			}

		};
		for (int position = from; position < from + size; position++) {
			slice.put(new OrderedIndex.Key(List.of(position), null, 0), position);
		}
		return slice;
	}

}
