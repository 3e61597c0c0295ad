package com.rvssl.sandbox.api.approval;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.rvssl.sandbox.approval.Approvals;

import static com.rvssl.sandbox.api.SandboxPages.html;
import static com.rvssl.sandbox.api.SandboxPages.page;

/**
 * The page an approval link opens. GET only shows the request and a button (mail scanners
 * fetch links, and must not approve anything); POST approves the domain and uses the link
 * up. Once every domain of the order is approved, the order is issued.
 */
@RestController
@RequestMapping(path = "/sandbox/dcv/approve", produces = MediaType.TEXT_HTML_VALUE)
class ApprovalPageController {

	private final Approvals approvals;

	ApprovalPageController(Approvals approvals) {
		this.approvals = approvals;
	}

	@GetMapping("/{token}")
	ResponseEntity<String> confirmation(@PathVariable String token) {
		return this.approvals.open(token)
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
		return Mono
			.fromCallable(() -> this.approvals.approve(token)
				.map((link) -> page(HttpStatus.OK, "Approved",
						"<p>Thank you: the domain <b>%s</b> is approved for order %d.</p>"
							.formatted(html(link.domain()), link.orderId())))
				.orElseGet(() -> refused(token)))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private ResponseEntity<String> refused(String token) {
		return this.approvals.wasUsed(token)
				? page(HttpStatus.GONE, "Link already used", "<p>This approval link was used already.</p>")
				: page(HttpStatus.NOT_FOUND, "Unknown link", "<p>This approval link is not known.</p>");
	}

}
