package com.rvssl.gateway.messaging;

import java.time.Duration;

import com.rvssl.contracts.EventEnvelope;
import com.rvssl.contracts.Topics;
import com.rvssl.contracts.events.DcvChangeRequested;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.OrderCancelled;
import com.rvssl.contracts.events.OrderPlaced;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.contracts.events.ReissueRequested;
import com.rvssl.gateway.submission.Submissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The events of an order the gateway acts on; all others are ignored. Each record is
 * finished (bounded block) before the next: a submission that outlasts the bound stays
 * claimed and the sweep takes it over once the claim is stale.
 */
@Component
class OrderEventsListener {

	private final Submissions submissions;

	private final Duration bound;

	OrderEventsListener(Submissions submissions,
			@Value("${rvssl.gateway.listener.max-record-time:PT2M}") Duration bound) {
		this.submissions = submissions;
		this.bound = bound;
	}

	@KafkaListener(topics = Topics.ORDERS)
	void on(EventEnvelope envelope) {
		Mono<Void> work;
		if (envelope.payload() instanceof OrderPlaced placed) {
			work = submissions.keep(envelope, placed);
		}
		else if (envelope.payload() instanceof PaymentCaptured) {
			work = submissions.paid(envelope);
		}
		else if (envelope.payload() instanceof OrderCancelled) {
			work = submissions.cancel(envelope);
		}
		else if (envelope.payload() instanceof ReissueRequested reissue) {
			work = submissions.reissue(envelope, reissue);
		}
		else if (envelope.payload() instanceof DcvResendRequested resend) {
			work = submissions.resendDcv(envelope, resend);
		}
		else if (envelope.payload() instanceof DcvChangeRequested change) {
			work = submissions.changeDcv(envelope, change);
		}
		else {
			return;
		}
		work.block(bound);
	}

}
