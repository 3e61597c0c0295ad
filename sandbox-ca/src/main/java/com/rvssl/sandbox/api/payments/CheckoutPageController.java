package com.rvssl.sandbox.api.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.rvssl.sandbox.payments.Payment;
import com.rvssl.sandbox.payments.PaymentClosedException;
import com.rvssl.sandbox.payments.PaymentDesk;
import com.rvssl.sandbox.payments.PaymentStatus;

import static com.rvssl.sandbox.api.SandboxPages.html;
import static com.rvssl.sandbox.api.SandboxPages.page;

/**
 * The payment page a top-up leads to. GET shows the payment and two buttons (a link
 * fetched by a scanner pays nothing); POST {@code /pay} pays it, POST {@code /fail} fails
 * it, and billing hears of either by the signed callback.
 */
@RestController
@RequestMapping(path = CheckoutPageController.PATH, produces = MediaType.TEXT_HTML_VALUE)
class CheckoutPageController {

	static final String PATH = "/sandbox/checkout";

	private final PaymentDesk desk;

	CheckoutPageController(PaymentDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/{id}")
	ResponseEntity<String> checkout(@PathVariable String id) {
		return this.desk.find(id).map((payment) -> {
			if (payment.status() != PaymentStatus.PENDING) {
				return settled(payment);
			}
			if (payment.expired(Instant.now())) {
				return page(HttpStatus.GONE, "Payment expired", "<p>This payment can no longer be made.</p>");
			}
			return page(HttpStatus.OK, "Pay " + money(payment),
					"""
							<p>Sandbox payment <code>%s</code>: %s.</p>
							<p>%s</p>
							<form method="post" action="%s/%s/pay"><button type="submit" id="pay">Pay %s</button></form>
							<form method="post" action="%s/%s/fail"><button type="submit" id="fail">Fail</button></form>
							<p>No money moves: this is the sandbox provider of the local stack.</p>""".formatted(
							html(payment.id()), html(money(payment)),
							html((payment.description() != null) ? payment.description() : ""), PATH,
							html(payment.id()), html(money(payment)), PATH, html(payment.id())));
		}).orElseGet(() -> page(HttpStatus.NOT_FOUND, "Unknown payment", "<p>This payment is not known.</p>"));
	}

	@PostMapping("/{id}/pay")
	ResponseEntity<String> pay(@PathVariable String id) {
		return settle(id, true);
	}

	@PostMapping("/{id}/fail")
	ResponseEntity<String> fail(@PathVariable String id) {
		return settle(id, false);
	}

	private ResponseEntity<String> settle(String id, boolean pay) {
		if (this.desk.find(id).isEmpty()) {
			return page(HttpStatus.NOT_FOUND, "Unknown payment", "<p>This payment is not known.</p>");
		}
		try {
			return settled(pay ? this.desk.pay(id) : this.desk.fail(id));
		}
		catch (PaymentClosedException ex) {
			return page(HttpStatus.CONFLICT, "Payment closed", "<p>" + html(ex.getMessage()) + "</p>");
		}
	}

	private static ResponseEntity<String> settled(Payment payment) {
		return (payment.status() == PaymentStatus.SUCCEEDED)
				? page(HttpStatus.OK, "Payment received",
						"<p id=\"paid\">Thank you: " + html(money(payment))
								+ " is paid. The seller is told now; you can close this page.</p>")
				: page(HttpStatus.OK, "Payment failed",
						"<p id=\"failed\">The payment of " + html(money(payment)) + " failed. Nothing was paid.</p>");
	}

	private static String money(Payment payment) {
		int digits = Math.max(0, Currency.getInstance(payment.currency()).getDefaultFractionDigits());
		return BigDecimal.valueOf(payment.amount(), digits).toPlainString() + " " + payment.currency();
	}

}
