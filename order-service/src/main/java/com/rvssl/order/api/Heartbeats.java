package com.rvssl.order.api;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Keeps a quiet event stream open through proxies that close idle connections: an SSE
 * comment line every {@code every}, which clients ignore, until the stream itself ends.
 */
final class Heartbeats {

	private Heartbeats() {
	}

	static <T> Flux<ServerSentEvent<T>> around(Flux<ServerSentEvent<T>> events, Duration every) {
		return events.publish((shared) -> Flux.merge(shared,
				Flux.interval(every)
					.onBackpressureDrop()
					.map((tick) -> ServerSentEvent.<T>builder().comment("keep-alive").build())
					.takeUntilOther(shared.then(Mono.just(Boolean.TRUE)))));
	}

}
