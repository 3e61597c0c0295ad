package com.rvssl.order.api;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.rvssl.kit.test.PathBypassAssertions;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.orders.Order;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default: the shapes of an API path that once slipped past a "starts with /api/"
 * check ({@code /%61pi/}, {@code /api;x/}, {@code //api/}, {@code /./api/},
 * {@code /API/}, {@code /api/v1/../v1/}) are refused without a key and change nothing; a
 * path listed nowhere needs a key too.
 */
class PathBypassIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void noShapeOfTheOrdersPathPlacesAnOrderWithoutAKey() {
		String domain = uniqueDomain();
		String body = json(dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		long before = mongo.getCollection(Order.COLLECTION)
			.flatMap((orders) -> Mono.from(orders.countDocuments()))
			.block();

		PathBypassAssertions.assertFirewallRejected(
				PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.POST, "/api/v1/orders", null, body));

		assertThat(
				mongo.getCollection(Order.COLLECTION).flatMap((orders) -> Mono.from(orders.countDocuments())).block())
			.isEqualTo(before);
	}

	@Test
	void noShapeOfTheCsrDecoderOrTheApproverEmailsAnswersWithoutAKey() {
		String csr = TestCertificates.csr(TestCertificates.rsa2048(), "decode.example.com");
		PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.POST, "/api/v1/csr/decode", null,
				json(java.util.Map.of("csr", csr)));
		PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.GET, "/api/v1/dcv/approver-emails", null, null);
	}

	@Test
	void internalPathsRefuseStrangersAndResellersInEveryShape() {
		TestReseller reseller = registerReseller();
		PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.GET, "/internal/v1/orders", null, null);
		PathBypassAssertions.assertEveryShapeRefused(http, HttpMethod.GET, "/internal/v1/orders", reseller.key(), null);
	}

	@Test
	void aPathListedNowhereNeedsAKeyWhileTheProbesAndTheApiDescriptionAreOpen() {
		assertThat(call(HttpMethod.GET, null, "/actuator/info", null).getStatus().value()).isEqualTo(401);
		assertThat(call(HttpMethod.GET, null, "/no/such/page", null).getStatus().value()).isEqualTo(401);
		assertThat(call(HttpMethod.GET, null, "/actuator/health/liveness", null).getStatus().value()).isEqualTo(200);
		assertThat(call(HttpMethod.GET, null, "/v3/api-docs", null).getStatus().value()).isEqualTo(200);
	}

}
