package com.rvssl.notify.api;

import com.rvssl.kit.security.Caller;
import com.rvssl.notify.deliveries.Deliveries;
import com.rvssl.notify.deliveries.DeliveryChannel;
import com.rvssl.notify.deliveries.DeliveryDispatch;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The delivery log: a reseller sees its own deliveries, the operator all and may replay
 * dead ones.
 */
@RestController
@RequestMapping("/api/v1")
class DeliveryController {

	private final Deliveries deliveries;

	private final DeliveryDispatch dispatch;

	DeliveryController(Deliveries deliveries, DeliveryDispatch dispatch) {
		this.deliveries = deliveries;
		this.dispatch = dispatch;
	}

	@GetMapping("/deliveries")
	Flux<DeliveryView> list(ServerWebExchange exchange, @RequestParam(required = false) @Size(max = 100) String orderId,
			@RequestParam(required = false) DeliveryChannel channel) {
		return deliveries.find(Caller.of(exchange).scope(), orderId, channel).map(DeliveryView::of);
	}

	@PostMapping("/admin/deliveries/{id}/replay")
	Mono<DeliveryView> replay(ServerWebExchange exchange, @PathVariable @Size(max = 100) String id) {
		if (!Caller.of(exchange).operator()) {
			return Mono.error(new ForbiddenException("only the operator may do this"));
		}
		return dispatch.replay(id).map(DeliveryView::of);
	}

}
