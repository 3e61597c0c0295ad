package com.rvssl.gateway.scenarios;

import java.time.Duration;
import java.util.Map;

import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads the gateway answers from the CA (status, certificate), made as status-sync makes
 * them: one the CA's budget refuses for now (503 {@code ca-over-budget}: the tests' calls
 * share a budget of a few permits per period) is asked again shortly.
 */
final class CaReads {

	private CaReads() {
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static Map<String, Object> read(WebTestClient client, String path, String orderId, Duration patience) {
		EntityExchangeResult<Map> answer = answer(client, path, orderId, patience);
		assertThat(answer.getStatus().value()).as("%s of %s: %s", path, orderId, answer.getResponseBody())
			.isEqualTo(200);
		return answer.getResponseBody();
	}

	/** The first answer that is not the budget's refusal. */
	@SuppressWarnings("rawtypes")
	static EntityExchangeResult<Map> answer(WebTestClient client, String path, String orderId, Duration patience) {
		return await().atMost(patience)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> client.get().uri(path, orderId).exchange().expectBody(Map.class).returnResult(),
					read -> !isOverBudget(read));
	}

	/** Whether the answer is the budget's refusal, to be asked again later. */
	@SuppressWarnings("rawtypes")
	static boolean isOverBudget(EntityExchangeResult<Map> answer) {
		return answer.getStatus().value() == 503
				&& String.valueOf(answer.getResponseBody().get("type")).endsWith("/ca-over-budget");
	}

}
