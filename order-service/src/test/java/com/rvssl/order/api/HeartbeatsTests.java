package com.rvssl.order.api;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatsTests {

	@Test
	void aQuietStreamGetsACommentLineEveryIntervalAndEndsWithItsEvents() {
		StepVerifier
			.withVirtualTime(
					() -> Heartbeats.around(
							Flux.concat(Mono.just(event("PLACED")),
									Mono.delay(Duration.ofSeconds(40)).map((tick) -> event("ISSUED"))),
							Duration.ofSeconds(15)))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("PLACED"))
			.thenAwait(Duration.ofSeconds(15))
			.assertNext(HeartbeatsTests::isHeartbeat)
			.thenAwait(Duration.ofSeconds(15))
			.assertNext(HeartbeatsTests::isHeartbeat)
			.thenAwait(Duration.ofSeconds(10))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("ISSUED"))
			.verifyComplete();
	}

	@Test
	void aStreamThatEndsAtOnceEndsWithoutAHeartbeat() {
		StepVerifier.withVirtualTime(() -> Heartbeats.around(Flux.just(event("ISSUED")), Duration.ofSeconds(15)))
			.assertNext((event) -> assertThat(event.data()).isEqualTo("ISSUED"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	private static ServerSentEvent<String> event(String state) {
		return ServerSentEvent.builder(state).event("status").build();
	}

	private static void isHeartbeat(ServerSentEvent<String> event) {
		assertThat(event.comment()).isEqualTo("keep-alive");
		assertThat(event.data()).isNull();
		assertThat(event.event()).isNull();
	}

}
