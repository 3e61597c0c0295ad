package com.rvssl.notify.api;

import com.rvssl.notify.deliveries.Deliveries;
import com.rvssl.notify.deliveries.DeliveryChannel;
import com.rvssl.notify.deliveries.DeliveryDispatch;
import com.rvssl.notify.security.Authenticator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log: a reseller sees its own deliveries, the operator all and may replay dead ones. */
@RestController
@RequestMapping("/api/v1")
class DeliveryController {

	private final Deliveries deliveries;

	private final DeliveryDispatch dispatch;

	private final Authenticator authenticator;

	DeliveryController(Deliveries deliveries, DeliveryDispatch dispatch, Authenticator authenticator) {
		this.deliveries = deliveries;
		this.dispatch = dispatch;
		this.authenticator = authenticator;
	}

	@GetMapping("/deliveries")
	Flux<DeliveryView> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(required = false) String orderId, @RequestParam(required = false) DeliveryChannel channel) {
		return authenticator.caller(authorization)
			.flatMapMany(caller -> deliveries.find(caller.operator() ? null : caller.resellerId(), orderId, channel))
			.map(DeliveryView::of);
	}

	@PostMapping("/admin/deliveries/{id}/replay")
	Mono<DeliveryView> replay(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable String id) {
		return authenticator.operator(authorization).then(dispatch.replay(id)).map(DeliveryView::of);
	}

}
