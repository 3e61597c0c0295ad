package com.rvssl.statussync.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.rvssl.statussync.tracking.IssuedCertificates;
import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;

/**
 * Internal: issued certificates expiring within the given days, soonest first (cluster
 * network only, like the rest of {@code /internal}). What renewal reminders will be built
 * on.
 */
@RestController
@RequestMapping("/internal/v1/expiring")
class ExpiringController {

	private final IssuedCertificates certificates;

	private final Clock clock;

	ExpiringController(IssuedCertificates certificates, Clock clock) {
		this.certificates = certificates;
		this.clock = clock;
	}

	@GetMapping
	Flux<ExpiringCertificate> expiring(@RequestParam(defaultValue = "30") int withinDays) {
		if (withinDays < 0 || withinDays > 3660) {
			return Flux.error(new ServerWebInputException("withinDays must be between 0 and 3660"));
		}
		Instant now = clock.instant();
		return certificates.expiring(now, now.plus(Duration.ofDays(withinDays)))
			.map(order -> ExpiringCertificate.of(order, now));
	}

}
