package com.rvssl.sandbox.api.admin;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.rvssl.sandbox.authority.CertificateAuthority;
import com.rvssl.sandbox.authority.CertificateEncodings;
import com.rvssl.sandbox.calls.CallLog;
import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.orders.UnknownOrderException;

/** The sandbox operator's view of the CA: its orders and its roots. */
@RestController
@RequestMapping("/sandbox")
class SandboxAdminController {

	private static final String DEFAULT_REJECTION = "Rejected by the sandbox operator.";

	private final OrderDesk desk;

	private final CertificateAuthority authority;

	private final CallLog calls;

	SandboxAdminController(OrderDesk desk, CertificateAuthority authority, CallLog calls) {
		this.desk = desk;
		this.authority = authority;
		this.calls = calls;
	}

	@GetMapping("/orders")
	Mono<List<AdminOrder>> orders(@RequestParam(required = false) String reference) {
		return onDesk(() -> this.desk.withReference(reference).stream().map(this::view).toList());
	}

	@GetMapping("/orders/{caOrderId}")
	Mono<AdminOrder> order(@PathVariable String caOrderId) {
		return onDesk(() -> view(this.desk.find(orderNumber(caOrderId))));
	}

	/**
	 * Without a body: one validation step on (a DV order's domain control, or an OV/EV
	 * step).
	 */
	@PostMapping("/orders/{caOrderId}/advance")
	Mono<AdminOrder> advance(@PathVariable String caOrderId, @RequestBody(required = false) AdvanceRequest request) {
		return onDesk(() -> {
			long id = orderNumber(caOrderId);
			String to = (request != null && request.to() != null) ? request.to() : "next";
			CaOrder order = switch (to) {
				case "next" -> this.desk.advance(id);
				case "issued" -> this.desk.approve(id);
				case "rejected" -> this.desk.reject(id, (request.reason() != null && !request.reason().isBlank())
						? request.reason() : DEFAULT_REJECTION);
				default ->
					throw new IllegalArgumentException("'to' must be 'next', 'issued' or 'rejected', not '" + to + "'");
			};
			return view(order);
		});
	}

	/** The CA API calls served since the start (or the last reset), and the 429s. */
	@GetMapping("/calls")
	CallLog.Totals calls() {
		return this.calls.totals();
	}

	/** Counts afresh, per order too (a benchmark's or a test's own run). */
	@DeleteMapping("/calls")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetCalls() {
		this.calls.reset();
	}

	/**
	 * The root first (what a client trusts), then the intermediate the leaves are signed
	 * by.
	 */
	@GetMapping(path = "/roots", produces = MediaType.TEXT_PLAIN_VALUE)
	String roots() {
		return CertificateEncodings.pem(List.of(this.authority.root(), this.authority.intermediate()));
	}

	private AdminOrder view(CaOrder order) {
		return AdminOrder.of(order, this.desk.proofs(order), this.desk.dueAt(order.id()),
				this.calls.ofOrder(order.id()));
	}

	private static long orderNumber(String caOrderId) {
		try {
			return Long.parseLong(caOrderId);
		}
		catch (NumberFormatException ex) {
			throw new UnknownOrderException(-1);
		}
	}

	private static <T> Mono<T> onDesk(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
