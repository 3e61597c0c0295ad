package com.rvssl.sandbox.push;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import com.rvssl.sandbox.SandboxProperties;

import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.OrderStatus;
import com.rvssl.sandbox.orders.OrderWatcher;
import com.rvssl.sandbox.orders.ValidationLevel;

/**
 * Tells the reseller about every change of an order's status or validation step, in its
 * API's way and to the account that placed it: DigiCert orders to each of that key's
 * webhooks subscribed to the event ({@code certificate_issued}, {@code order_rejected},
 * {@code certificate_revoked}, else {@code order_status_changed}), Sectigo orders to that
 * login's push URL as {@code orderNumber} and {@code statusCode}. Deliveries run in the
 * background after the set delay, at the moment the order changes (the CA's clock moves
 * orders, not reads); one the receiver does not take (no answer, or not a 2xx) is sent
 * again up to {@code sandbox.push.retries} times, waiting
 * {@code sandbox.push.first-retry-after} and twice as long before each next, as the
 * vendors retry; after that it is logged and lost (polling is the net).
 */
@Component
class PushSender implements OrderWatcher {

	private static final Logger log = LoggerFactory.getLogger(PushSender.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final WebClient http = WebClient.create();

	private final PushControl control;

	private final DigicertWebhooks webhooks;

	private final SectigoPushUrls sectigoUrls;

	private final SandboxProperties.Push retry;

	PushSender(PushControl control, DigicertWebhooks webhooks, SectigoPushUrls sectigoUrls,
			SandboxProperties properties) {
		this.control = control;
		this.retry = properties.push();
		this.webhooks = webhooks;
		this.sectigoUrls = sectigoUrls;
	}

	@Override
	public void changed(CaOrder before, CaOrder after) {
		if ("sectigo".equals(after.api())) {
			this.sectigoUrls.forAccount(after.account()).ifPresent((url) -> sectigo(url, after));
		}
		else {
			digicert(after);
		}
	}

	private void digicert(CaOrder order) {
		String event = switch (order.status()) {
			case ISSUED -> "certificate_issued";
			case REJECTED -> "order_rejected";
			case REVOKED -> "certificate_revoked";
			default -> "order_status_changed";
		};
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("order_id", order.id());
		data.put("certificate_id", order.certificateId());
		// DigiCert's word for a reissue that waits for validation again
		data.put("status", order.reissuing() ? "reissue_pending" : order.status().apiValue());
		Map<String, Object> body = Map.of("event", event, "data", data);
		for (DigicertWebhooks.Webhook webhook : this.webhooks.of(order.account())) {
			if (!webhook.events().contains(event)) {
				continue;
			}
			deliver("digicert", order.id(), webhook.endpoint(),
					this.http.post()
						.uri(webhook.endpoint())
						.contentType(MediaType.APPLICATION_JSON)
						.header("X-WEBHOOK-KEY", webhook.secret())
						.bodyValue(body));
		}
	}

	private void sectigo(String url, CaOrder order) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("orderNumber", Long.toString(order.id()));
		form.add("statusCode", Integer.toString(statusCode(order)));
		deliver("sectigo", order.id(), url,
				this.http.post()
					.uri(url)
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(BodyInserters.fromFormData(form)));
	}

	private void deliver(String api, long orderId, String url, WebClient.RequestHeadersSpec<?> request) {
		if (!this.control.sends(api)) {
			log.info("Push of order {} to {} dropped (test setting)", orderId, url);
			return;
		}
		Mono<?> attempt = Mono.defer(() -> request.retrieve().toBodilessEntity().timeout(TIMEOUT))
			.doOnError((failure) -> log.info("Push of order {} to {} failed: {}", orderId, url, failure.toString()));
		Mono.delay(this.control.delay(api))
			.then(attempt.retryWhen(Retry.backoff(this.retry.retries(), this.retry.firstRetryAfter()).jitter(0)))
			.subscribe((response) -> log.info("Pushed order {} to {}", orderId, url),
					(failure) -> log.warn("Push of order {} to {} given up after {} retries: {}", orderId, url,
							this.retry.retries(), failure.toString()));
	}

	/**
	 * Sectigo's codes: 2 awaiting validation, 12 awaiting brand validation, 6 issued, 7
	 * rejected, 8 revoked/cancelled.
	 */
	static int statusCode(CaOrder order) {
		if (order.status() == OrderStatus.PENDING) {
			return (order.validation() == ValidationLevel.DV) ? 2 : 12;
		}
		return switch (order.status()) {
			case ISSUED -> 6;
			case REJECTED -> 7;
			default -> 8;
		};
	}

}
