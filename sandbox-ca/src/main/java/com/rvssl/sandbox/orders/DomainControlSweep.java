package com.rvssl.sandbox.orders;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks pending HTTP and DNS validations now and then, as a CA does by itself, so that
 * an order nobody asks about is still issued once its proof is published.
 */
@Component
class DomainControlSweep {

	private final OrderDesk desk;

	DomainControlSweep(OrderDesk desk) {
		this.desk = desk;
	}

	@Scheduled(fixedDelayString = "${sandbox.validation.check-interval:PT5S}",
			initialDelayString = "${sandbox.validation.check-interval:PT5S}")
	void sweep() {
		this.desk.checkAllDomainControl();
	}

}
