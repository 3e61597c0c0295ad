package com.rvssl.sandbox.api.admin;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.rvssl.sandbox.orders.OrderDesk;

/**
 * Switches DV auto-approval at run time: off, email-validated DV orders wait for their
 * mailed approval link (or the admin {@code advance}), as at a real CA.
 */
@RestController
@RequestMapping("/sandbox/dv/auto-approve")
class DvAutoApproveController {

	private final OrderDesk desk;

	DvAutoApproveController(OrderDesk desk) {
		this.desk = desk;
	}

	@GetMapping
	DvAutoApprove current() {
		return new DvAutoApprove(this.desk.autoApprove());
	}

	@PutMapping
	DvAutoApprove change(@Valid @RequestBody DvAutoApprove request) {
		this.desk.autoApprove(request.enabled());
		return current();
	}

}
