package com.rvssl.sandbox.api.admin;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.rvssl.kit.clock.MovableClock;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.validation.TestNetwork;

/**
 * The world the sandbox validates against, set by tests: where a domain's web server is,
 * which DNS records exist, and the sandbox's clock.
 */
@RestController
@RequestMapping("/sandbox")
class TestNetworkController {

	private final TestNetwork network;

	private final MovableClock clock;

	private final OrderDesk desk;

	TestNetworkController(TestNetwork network, MovableClock clock, OrderDesk desk) {
		this.network = network;
		this.clock = clock;
		this.desk = desk;
	}

	@PutMapping("/resolver")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void route(@Valid @RequestBody NetworkRequests.Route route) {
		this.network.route(route.domain(), route.address());
	}

	@GetMapping("/resolver")
	Map<String, String> routes() {
		return this.network.routes();
	}

	@DeleteMapping("/resolver/{domain}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unroute(@PathVariable String domain) {
		this.network.unroute(domain);
	}

	@PutMapping("/dns")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void putRecord(@Valid @RequestBody NetworkRequests.Record record) {
		this.network.putRecord(new TestNetwork.DnsRecord(record.name(), record.type(), record.value()));
	}

	@GetMapping("/dns")
	List<TestNetwork.DnsRecord> records() {
		return this.network.records();
	}

	@DeleteMapping("/dns/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeRecords(@PathVariable String name) {
		this.network.removeRecords(name);
	}

	@GetMapping("/clock")
	NetworkRequests.ClockTime clock() {
		return new NetworkRequests.ClockTime(this.clock.instant(), this.clock.offset().toString());
	}

	@PostMapping("/clock/advance")
	Mono<NetworkRequests.ClockTime> advanceClock(@Valid @RequestBody NetworkRequests.ClockAdvance request) {
		Duration by;
		try {
			by = Duration.parse(request.by());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'by' must be an ISO-8601 duration such as P1D or PT2H.");
		}
		this.clock.advance(by);
		// what the new time makes due moves on now (signing: off the event loop), with
		// its
		// pushes, not at the next tick
		return Mono.fromCallable(() -> {
			this.desk.runDue();
			return clock();
		}).subscribeOn(Schedulers.boundedElastic());
	}

}
