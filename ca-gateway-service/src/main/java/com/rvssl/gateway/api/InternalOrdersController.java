package com.rvssl.gateway.api;

import com.rvssl.gateway.adapters.CaAdapter;
import com.rvssl.gateway.adapters.CaAdapters;
import com.rvssl.gateway.adapters.CaOrderQuery;
import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;
import com.rvssl.gateway.submission.SubmissionRecord;
import com.rvssl.gateway.submission.SubmissionStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Submissions and their CA orders, for status-sync (internal network only, see the
 * package description). Status-sync names an order by our order id, the submission
 * record's {@code _id}: the record says which CA account placed the order, and the CA is
 * asked through that account.
 */
@RestController
@RequestMapping("/internal/v1/orders")
class InternalOrdersController {

	private final SubmissionStore store;

	private final CaAdapters adapters;

	InternalOrdersController(SubmissionStore store, CaAdapters adapters) {
		this.store = store;
		this.adapters = adapters;
	}

	@GetMapping("/{orderId}")
	Mono<SubmissionSummary> submission(@PathVariable String orderId) {
		return known(orderId).map(SubmissionSummary::of);
	}

	@GetMapping("/{orderId}/ca-status")
	Mono<CaStatusView> caStatus(@PathVariable String orderId) {
		return known(orderId).filter(record -> record.caOrderId() != null)
			.switchIfEmpty(Mono.error(() -> new OrderNotFound("order " + orderId + " has not been submitted to a CA")))
			.flatMap(record -> adapter(record)
				.status(new CaOrderQuery(record.caOrderId(), record.dcv(), record.domains(), record.csr(),
						record.orderId()))
				.onErrorMap(CaRefusal.class,
						refusal -> (refusal.httpStatus() == 404)
								? new OrderNotFound("the CA does not know order " + record.caOrderId()) : refusal)
				.map(status -> new CaStatusView(orderId, record.ca(), record.caOrderId(), status.state(),
						status.caStatus(), status.detail(), status.stage(), status.dcv())));
	}

	@GetMapping("/{orderId}/certificate")
	Mono<IssuedCertificate> certificate(@PathVariable String orderId) {
		return known(orderId).filter(record -> record.caOrderId() != null)
			.switchIfEmpty(Mono.error(() -> new CertificateNotIssued("order " + orderId + " is not at a CA yet")))
			.flatMap(record -> adapter(record).downloadPemChain(record.caOrderId())
				.onErrorMap(CaRefusal.class,
						refusal -> new CertificateNotIssued(
								"order " + orderId + " is not issued: " + refusal.getMessage())))
			.map(IssuedCertificate::fromPemChain);
	}

	private Mono<SubmissionRecord> known(String orderId) {
		return store.find(orderId)
			.switchIfEmpty(Mono.error(() -> new OrderNotFound("no submission of order " + orderId)));
	}

	/**
	 * The CA through the account the order was placed with, as the record (read by
	 * {@code _id}) keeps it; the default account for records without one.
	 */
	private CaAdapter adapter(SubmissionRecord record) {
		return adapters.of(record.ca(), record.caAccount())
			.orElseThrow(() -> new CaUnavailable("no adapter for CA " + record.ca()));
	}

}
