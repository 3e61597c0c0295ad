package com.rvssl.sandbox.faults;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The faults in force: at most one per API and mode, each until it expires. */
@Component
public class FaultBoard {

	private static final Logger log = LoggerFactory.getLogger(FaultBoard.class);

	private final Map<String, Fault> faults = new ConcurrentHashMap<>();

	private final Clock clock;

	FaultBoard(Clock clock) {
		this.clock = clock;
	}

	public void put(Fault fault) {
		this.faults.put(fault.api() + "/" + fault.mode(), fault);
		log.info("Fault set: {} {} until {}", fault.api(), fault.mode(), fault.expiresAt());
	}

	public void clear() {
		this.faults.clear();
		log.info("Faults cleared");
	}

	/**
	 * The API's faults in force now, latency first so that it delays whatever comes next.
	 */
	List<Fault> active(String api) {
		return this.faults.values()
			.stream()
			.filter((fault) -> fault.api().equals(api) && fault.activeAt(this.clock.instant()))
			.sorted(Comparator.comparing((Fault fault) -> fault.mode() != FaultMode.LATENCY))
			.toList();
	}

	public List<Fault> all() {
		return this.faults.values().stream().filter((fault) -> fault.activeAt(this.clock.instant())).toList();
	}

}
