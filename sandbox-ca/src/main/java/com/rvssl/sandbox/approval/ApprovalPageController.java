package com.rvssl.sandbox.approval;

import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.orders.OrderStatus;
import com.rvssl.sandbox.validation.DcvProof;

/**
 * The page an approval link opens. GET only shows the request and a button (mail scanners fetch
 * links, and must not approve anything); POST approves the domain and uses the link up. Once every
 * domain of the order is approved, the order is issued.
 */
@RestController
@RequestMapping(path = "/sandbox/dcv/approve", produces = MediaType.TEXT_HTML_VALUE)
class ApprovalPageController {

	private static final Logger log = LoggerFactory.getLogger(ApprovalPageController.class);

	private final ApprovalLinks links;

	private final OrderDesk desk;

	ApprovalPageController(ApprovalLinks links, OrderDesk desk) {
		this.links = links;
		this.desk = desk;
	}

	@GetMapping("/{token}")
	ResponseEntity<String> confirmation(@PathVariable String token) {
		return this.links.find(token)
			.map((link) -> page(HttpStatus.OK, "Approve the certificate request for " + link.domain(), """
					<p>The sandbox CA was asked for a certificate for <b>%s</b> (order %d). This link was sent
					to %s.</p>
					<form method="post" action="/sandbox/dcv/approve/%s">
					  <button type="submit">I approve this certificate</button>
					</form>""".formatted(html(link.domain()), link.orderId(), html(link.approver()), html(token))))
			.orElseGet(() -> refused(token));
	}

	@PostMapping("/{token}")
	Mono<ResponseEntity<String>> approve(@PathVariable String token) {
		return Mono.fromCallable(() -> this.links.use(token).map((link) -> {
			issueIfAllApproved(link);
			return page(HttpStatus.OK, "Approved",
					"<p>Thank you: the domain <b>%s</b> is approved for order %d.</p>".formatted(html(link.domain()),
							link.orderId()));
		}).orElseGet(() -> refused(token))).subscribeOn(Schedulers.boundedElastic());
	}

	private void issueIfAllApproved(ApprovalLink link) {
		log.info("Domain {} of order {} approved by {}", link.domain(), link.orderId(), link.approver());
		CaOrder order = this.desk.find(link.orderId());
		if (order.status() != OrderStatus.PENDING) {
			return;
		}
		Set<String> needed = this.desk.proofs(order)
			.stream()
			.filter((proof) -> DcvProof.EMAIL.equals(proof.method()))
			.map(DcvProof::domain)
			.collect(Collectors.toSet());
		if (this.links.approvedDomains(order.id()).containsAll(needed)) {
			try {
				this.desk.approve(order.id());
			}
			catch (RuntimeException ex) {
				// issued or canceled meanwhile (auto-approval, the admin API): nothing left to do
				log.info("Order {} not issued by its approval: {}", order.id(), ex.toString());
			}
		}
	}

	private ResponseEntity<String> refused(String token) {
		return this.links.wasUsed(token)
				? page(HttpStatus.GONE, "Link already used", "<p>This approval link was used already.</p>")
				: page(HttpStatus.NOT_FOUND, "Unknown link", "<p>This approval link is not known.</p>");
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		String html = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
				<body><h1>%s</h1>
				%s
				</body></html>
				""".formatted(html(title), html(title), body);
		return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
	}

	private static String html(String text) {
		return HtmlUtils.htmlEscape(text);
	}
}
