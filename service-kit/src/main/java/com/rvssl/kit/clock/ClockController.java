package com.rvssl.kit.clock;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import com.rvssl.kit.problem.Problems;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/clock} and {@code POST /internal/clock/advance {"by": "P133D"}}:
 * behind the service key like every internal path, and only where the clock is movable
 * ({@code rvssl.clock.movable=true}). A move is announced as {@link ClockAdvanced}.
 */
@RestController
@RequestMapping("/internal/clock")
class ClockController {

	private final MovableClock clock;

	private final ApplicationEventPublisher events;

	ClockController(MovableClock clock, ApplicationEventPublisher events) {
		this.clock = clock;
		this.events = events;
	}

	@GetMapping
	ClockReading now() {
		return ClockReading.of(this.clock);
	}

	@PostMapping(path = "/advance", consumes = "application/json")
	ClockReading advance(@RequestBody Advance advance) {
		Duration by = duration(advance.by());
		this.events.publishEvent(new ClockAdvanced(by, this.clock.advance(by)));
		return ClockReading.of(this.clock);
	}

	private static Duration duration(String by) {
		try {
			Duration duration = Duration.parse(by == null ? "" : by.trim());
			if (!duration.isNegative()) {
				return duration;
			}
		}
		catch (DateTimeParseException ex) {
			// refused below with the rule
		}
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
				"invalid-clock-advance", "Invalid clock advance",
				"'by' must be a non-negative ISO-8601 duration such as P1D or PT6H; the clock only moves forward."),
				null);
	}

	record Advance(String by) {
	}

	record ClockReading(String now, String offset) {

		static ClockReading of(MovableClock clock) {
			return new ClockReading(clock.instant().toString(), clock.offset().toString());
		}

	}

}
