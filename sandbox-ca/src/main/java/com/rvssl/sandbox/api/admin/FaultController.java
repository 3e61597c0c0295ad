package com.rvssl.sandbox.api.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.rvssl.sandbox.faults.Fault;
import com.rvssl.sandbox.faults.FaultBoard;

/** Sets and clears the faults the CA API paths play. */
@RestController
@RequestMapping("/sandbox/faults")
class FaultController {

	private final FaultBoard board;

	private final Clock clock;

	FaultController(FaultBoard board, Clock clock) {
		this.board = board;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Fault set(@Valid @RequestBody FaultRequest request) {
		Fault fault = new Fault(request.api(), request.mode(),
				this.clock.instant().plus(Duration.ofSeconds(request.durationSeconds())),
				(request.latencyMillis() != null) ? request.latencyMillis() : 0,
				(request.probability() != null) ? request.probability() : 1.0);
		this.board.put(fault);
		return fault;
	}

	@GetMapping
	List<Fault> list() {
		return this.board.all();
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear() {
		this.board.clear();
	}

}
