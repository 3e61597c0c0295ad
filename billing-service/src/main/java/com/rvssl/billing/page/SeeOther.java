package com.rvssl.billing.page;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Post, redirect, get: the page's answers send the browser back to the account page with
 * a 303, which a browser follows with a GET. A form's outcome travels as a fixed notice
 * code in the address (see {@link Notice}), so nothing typed is ever echoed into the
 * page.
 */
final class SeeOther {

	private SeeOther() {
	}

	static ResponseEntity<Void> account() {
		return to(URI.create("/account"));
	}

	static ResponseEntity<Void> account(String notice, String value) {
		return to(UriComponentsBuilder.fromPath("/account").queryParam(notice, value).build().encode().toUri());
	}

	/** To the payment provider's page, where the reseller pays a top-up. */
	static ResponseEntity<Void> payment(URI paymentUrl) {
		return to(paymentUrl);
	}

	private static ResponseEntity<Void> to(URI location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
	}

}
