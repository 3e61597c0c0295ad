package com.rvssl.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.rvssl.contracts.events.AccountEvent;
import com.rvssl.contracts.events.CreditToppedUp;
import com.rvssl.contracts.events.Event;
import com.rvssl.contracts.events.OrderEvent;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.contracts.kafka.EventDeserializer;
import com.rvssl.contracts.kafka.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTests {

	static Stream<String> eventTypes() {
		return EventJson.types().keySet().stream().sorted();
	}

	@Test
	void everyEventTypeHasASample() {
		assertThat(EventSamples.ALL.keySet()).containsExactlyInAnyOrderElementsOf(EventJson.types().keySet());
	}

	@ParameterizedTest
	@MethodSource("eventTypes")
	void everyEventSurvivesTheWireUnchanged(String type) {
		EventEnvelope sent = envelopeOf(EventSamples.ALL.get(type));

		byte[] wire = new EventSerializer().serialize("any", sent);
		EventEnvelope received = new EventDeserializer().deserialize("any", wire);

		assertThat(received).isEqualTo(sent);
		assertThat(received.payload()).isInstanceOf(EventJson.types().get(type));
		assertThat(new String(wire, StandardCharsets.UTF_8)).contains("\"type\":\"" + type + "\"")
			.contains("\"schemaVersion\":1");
	}

	@Test
	void theJsonFormIsStable() {
		EventEnvelope envelope = new EventEnvelope(UUID.fromString("00000000-0000-0000-0000-000000000001"),
				"PaymentCaptured", 1, Instant.parse("2026-11-25T10:15:30Z"), "ord-1", "res-1", "corr-1",
				new PaymentCaptured(Money.of(1299, "USD"), Money.of(8701, "USD")));

		assertThat(EventJson.writeString(envelope)).isEqualTo("{\"eventId\":\"00000000-0000-0000-0000-000000000001\","
				+ "\"type\":\"PaymentCaptured\",\"schemaVersion\":1,\"occurredAt\":\"2026-11-25T10:15:30Z\","
				+ "\"orderId\":\"ord-1\",\"resellerId\":\"res-1\",\"correlationId\":\"corr-1\","
				+ "\"payload\":{\"amount\":{\"amount\":1299,\"currency\":\"USD\"},"
				+ "\"balanceAfter\":{\"amount\":8701,\"currency\":\"USD\"}}}");
	}

	@Test
	void aReaderIgnoresFieldsAddedByANewerProducer() {
		String json = "{\"eventId\":\"00000000-0000-0000-0000-000000000002\",\"type\":\"CreditToppedUp\","
				+ "\"schemaVersion\":1,\"occurredAt\":\"2026-11-25T10:15:30Z\",\"resellerId\":\"res-1\","
				+ "\"somethingNew\":true,\"payload\":{\"amount\":{\"amount\":5,\"currency\":\"USD\"},"
				+ "\"balanceAfter\":{\"amount\":5,\"currency\":\"USD\"},\"reference\":\"r\",\"channel\":\"card\"}}";

		EventEnvelope envelope = EventJson.read(json);

		assertThat(envelope.payload()).isEqualTo(new CreditToppedUp(Money.of(5, "USD"), Money.of(5, "USD"), "r"));
		assertThat(envelope.orderId()).isNull();
		assertThat(envelope.key()).isEqualTo("res-1");
		assertThat(envelope.topic()).isEqualTo(Topics.ACCOUNTS);
	}

	@Test
	void aReissueRequestWrittenBeforeAutomaticExistedReadsAsTheResellers() {
		String json = "{\"eventId\":\"00000000-0000-0000-0000-000000000003\",\"type\":\"ReissueRequested\","
				+ "\"schemaVersion\":1,\"occurredAt\":\"2026-11-25T10:15:30Z\",\"orderId\":\"ord-1\","
				+ "\"resellerId\":\"res-1\",\"payload\":{\"csr\":\"PEM\"}}";

		EventEnvelope envelope = EventJson.read(json);

		assertThat(envelope.payload()).isEqualTo(new ReissueRequested("PEM", false));
	}

	@Test
	void anAutomaticReissueRequestSaysSoOnTheWire() {
		EventEnvelope envelope = EventEnvelope.of("ord-1", "res-1", "corr", new ReissueRequested("PEM", true));

		assertThat(EventJson.writeString(envelope)).contains("\"payload\":{\"csr\":\"PEM\",\"automatic\":true}");
	}

	@Test
	void orderEventsAreKeyedByOrderOnTheOrdersTopic() {
		EventEnvelope envelope = EventEnvelope.of("ord-9", "res-1", "corr",
				new PaymentCaptured(Money.of(1, "USD"), Money.of(0, "USD")));

		assertThat(envelope.key()).isEqualTo("ord-9");
		assertThat(envelope.topic()).isEqualTo(Topics.ORDERS);
	}

	@Test
	void anOrderEventWithoutAnOrderIsRefused() {
		assertThatThrownBy(
				() -> EventEnvelope.of(null, "res-1", "c", new PaymentCaptured(Money.of(1, "USD"), Money.of(0, "USD"))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest
	@MethodSource("poison")
	void unreadableBytesAreAMalformedEvent(String json) {
		assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(EventJson.MalformedEventException.class);
	}

	static Stream<String> poison() {
		return Stream.of("not json", "{}", "{\"type\":\"Nope\",\"payload\":{}}",
				"{\"eventId\":\"x\",\"type\":\"PaymentCaptured\",\"occurredAt\":\"2026-11-25T10:15:30Z\","
						+ "\"resellerId\":\"r\",\"orderId\":\"o\",\"payload\":{}}",
				"{\"eventId\":\"00000000-0000-0000-0000-000000000002\",\"type\":\"PaymentCaptured\","
						+ "\"occurredAt\":\"2026-11-25T10:15:30Z\",\"resellerId\":\"r\"}");
	}

	@Test
	void moneyRefusesToMixCurrencies() {
		assertThatThrownBy(() -> Money.of(1, "USD").plus(Money.of(1, "EUR")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Money.of(5, "USD").minus(Money.of(7, "USD"))).isEqualTo(Money.of(-2, "USD"));
	}

	private static EventEnvelope envelopeOf(Event event) {
		if (event instanceof OrderEvent orderEvent) {
			return EventEnvelope.of("ord-" + event.type(), "res-1", "corr-1", orderEvent);
		}
		return EventEnvelope.of("res-1", "corr-1", (AccountEvent) event);
	}

}
