package com.rvssl.sandbox.calls;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/**
 * The calls the APIs served, by API and operation ({@code place}, {@code status},
 * {@code download}, ...), in total and per CA order, and the calls refused with 429. Kept
 * in memory: a count is for the run that is being measured.
 */
@Component
public class CallLog {

	private final Map<String, Map<String, LongAdder>> totals = new ConcurrentHashMap<>();

	private final Map<Long, Map<String, LongAdder>> byOrder = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> tooManyRequests = new ConcurrentHashMap<>();

	/** One call of the API's operation, about this CA order (null: about none). */
	public void count(String api, String operation, Long orderId) {
		this.totals.computeIfAbsent(api, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(operation, (key) -> new LongAdder())
			.increment();
		if (orderId != null) {
			this.byOrder.computeIfAbsent(orderId, (key) -> new ConcurrentHashMap<>())
				.computeIfAbsent(operation, (key) -> new LongAdder())
				.increment();
		}
	}

	/** One call of the API answered 429 (its request limit, or a fault a test set). */
	public void tooManyRequests(String api) {
		this.tooManyRequests.computeIfAbsent(api, (key) -> new LongAdder()).increment();
	}

	/** The calls about this CA order, by operation. */
	public Map<String, Long> ofOrder(long orderId) {
		return snapshot(this.byOrder.getOrDefault(orderId, Map.of()));
	}

	public Totals totals() {
		Map<String, Map<String, Long>> byApi = new TreeMap<>();
		Map<String, Long> byOperation = new TreeMap<>();
		long all = 0;
		for (Map.Entry<String, Map<String, LongAdder>> api : this.totals.entrySet()) {
			Map<String, Long> operations = snapshot(api.getValue());
			byApi.put(api.getKey(), operations);
			for (Map.Entry<String, Long> operation : operations.entrySet()) {
				byOperation.merge(operation.getKey(), operation.getValue(), Long::sum);
				all += operation.getValue();
			}
		}
		Map<String, Long> limited = snapshot(this.tooManyRequests);
		return new Totals(all, byOperation, byApi, limited.values().stream().mapToLong(Long::longValue).sum(), limited);
	}

	/** Starts counting afresh (a benchmark's or a test's own run). */
	public void reset() {
		this.totals.clear();
		this.byOrder.clear();
		this.tooManyRequests.clear();
	}

	private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
		Map<String, Long> copy = new TreeMap<>();
		counts.forEach((key, count) -> copy.put(key, count.sum()));
		return copy;
	}

	/**
	 * @param calls every call counted
	 * @param byOperation the calls by operation, both APIs together
	 * @param byApi the calls by API, then operation
	 * @param tooManyRequests the calls answered 429
	 * @param tooManyRequestsByApi the same by API
	 */
	public record Totals(long calls, Map<String, Long> byOperation, Map<String, Map<String, Long>> byApi,
			long tooManyRequests, Map<String, Long> tooManyRequestsByApi) {
	}

}
