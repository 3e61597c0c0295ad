package com.rvssl.order.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Money;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.contracts.events.CertificateSubmitted;
import com.rvssl.contracts.events.CertificateValidationUpdated;
import com.rvssl.contracts.events.DcvChangeRequested;
import com.rvssl.contracts.events.DcvResendRequested;
import com.rvssl.contracts.events.PaymentCaptured;
import com.rvssl.kit.test.TestCertificates;
import com.rvssl.order.support.OrderServiceIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code PUT /api/v1/orders/{id}/dcv}: every answer of the endpoint, and that only an
 * accepted change reaches the timeline, the stored method and the outbox, once.
 */
class DcvChangeIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void aSubmittedOrderSwitchesToDnsOnceAndARepeatedRequestSendsNothingMore() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = submitted(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		int timeline = order(reseller, orderId).path("timeline").size();

		EntityExchangeResult<JsonNode> changed = changeDcv(reseller.key(), orderId, Map.of("method", "DNS"));

		assertThat(changed.getStatus().value()).as("%s", changed.getResponseBody()).isEqualTo(202);
		JsonNode order = changed.getResponseBody();
		assertThat(order.path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(order.path("timeline").size()).isEqualTo(timeline + 1);
		assertThat(order.at("/timeline/" + timeline + "/note").asString())
			.isEqualTo("Validation method changed to DNS record");
		assertThat(await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, DcvChangeRequested.class), (found) -> !found.isEmpty()))
			.containsExactly(new DcvChangeRequested(new Dcv(DcvMethod.DNS, null)));

		// an approver sent along with DNS is ignored: the same method, so nothing changes
		EntityExchangeResult<JsonNode> repeated = changeDcv(reseller.key(), orderId,
				Map.of("method", "DNS", "approverEmail", "admin@" + domain));
		assertThat(repeated.getStatus().value()).isEqualTo(202);
		assertThat(repeated.getResponseBody().path("timeline").size()).isEqualTo(timeline + 1);
		assertThat(orders.findById(orderId).block(Duration.ofSeconds(5)).dcv()).isEqualTo(new Dcv(DcvMethod.DNS, null));
		await().during(Duration.ofSeconds(1))
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, DcvChangeRequested.class).size() == 1);
		// no email to resend while validated by DNS
		assertThat(call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/dcv/resend", null).getStatus()
			.value()).isEqualTo(409);
	}

	@Test
	void anOrderSwitchedBackToEmailHasItsApprovalEmailResentToTheNewApprover() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		Map<String, Object> body = dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain));
		body.put("dcv", Map.of("method", "HTTP"));
		String orderId = submitted(reseller, body);
		publish(orderId, reseller.id(),
				new CertificateValidationUpdated("pending", "publish the file", ValidationStage.DCV_PENDING,
						List.of(new DcvInstruction(DcvMethod.HTTP, domain,
								"http://" + domain + "/.well-known/pki-validation/fileauth.txt", "token"))));
		awaitOrderState(reseller, orderId, "PENDING_VALIDATION");

		EntityExchangeResult<JsonNode> changed = changeDcv(reseller.key(), orderId,
				Map.of("method", "EMAIL", "approverEmail", "Hostmaster@" + domain));
		assertThat(changed.getStatus().value()).as("%s", changed.getResponseBody()).isEqualTo(202);
		assertThat(call(HttpMethod.POST, reseller.key(), "/api/v1/orders/" + orderId + "/dcv/resend", null).getStatus()
			.value()).isEqualTo(202);

		assertThat(await().atMost(20, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, DcvResendRequested.class), (found) -> !found.isEmpty()))
			.containsExactly(new DcvResendRequested("Hostmaster@" + domain));
		assertThat(events().of(orderId, DcvChangeRequested.class))
			.containsExactly(new DcvChangeRequested(new Dcv(DcvMethod.EMAIL, "Hostmaster@" + domain)));
	}

	@Test
	void aBadBodyIsA400NamingTheFieldAndChangesNothing() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = submitted(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));
		int timeline = order(reseller, orderId).path("timeline").size();

		// no body at all carries no Content-Type either: refused as not JSON
		assertProblem(changeDcv(reseller.key(), orderId, null), 415, "unsupported-media-type");
		assertProblem(changeDcv(reseller.key(), orderId, "   "), 400, "invalid-request");
		assertProblem(changeDcv(reseller.key(), orderId, Map.of()), 400, "invalid-request", "method");
		assertProblem(changeDcv(reseller.key(), orderId, Map.of("method", "FAX")), 400, "invalid-request", "method");
		assertProblem(changeDcv(reseller.key(), orderId, Map.of("method", "EMAIL")), 400, "invalid-request",
				"approverEmail");
		assertProblem(changeDcv(reseller.key(), orderId, Map.of("method", "EMAIL", "approverEmail", "not-an-email")),
				400, "invalid-request", "approverEmail");
		// at the domain, but not a mailbox the CA sends approvals to
		assertProblem(changeDcv(reseller.key(), orderId, Map.of("method", "EMAIL", "approverEmail", "sales@" + domain)),
				400, "invalid-request", "approverEmail");
		assertProblem(changeDcv(reseller.key(), orderId, Map.of("method", "EMAIL", "approverEmail", "admin@gmail.com")),
				400, "invalid-request", "approverEmail");

		assertThat(order(reseller, orderId).path("timeline").size()).isEqualTo(timeline);
		assertThat(orders.findById(orderId).block(Duration.ofSeconds(5)).dcv())
			.isEqualTo(new Dcv(DcvMethod.EMAIL, "admin@" + domain));
		await().during(Duration.ofSeconds(1))
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, DcvChangeRequested.class).isEmpty());
	}

	@Test
	void aWildcardCannotSwitchToHttp() {
		TestReseller reseller = registerReseller();
		String domain = "*." + uniqueDomain();
		Map<String, Object> body = dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain));
		body.put("productCode", "positivessl-dv-wildcard");
		String orderId = submitted(reseller, body);

		assertProblem(changeDcv(reseller.key(), orderId, Map.of("method", "HTTP")), 400, "invalid-request", "method");
		assertThat(changeDcv(reseller.key(), orderId, Map.of("method", "DNS")).getStatus().value()).isEqualTo(202);
	}

	@Test
	void anotherResellersOrderOrAnUnknownOneIsNotFound() {
		TestReseller owner = registerReseller();
		TestReseller other = registerReseller();
		String domain = uniqueDomain();
		String orderId = submitted(owner, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));

		assertProblem(changeDcv(other.key(), orderId, Map.of("method", "DNS")), 404, "order-not-found");
		assertProblem(changeDcv(other.key(), "no-such-order", Map.of("method", "DNS")), 404, "order-not-found");

		assertThat(orders.findById(orderId).block(Duration.ofSeconds(5)).dcv().method()).isEqualTo(DcvMethod.EMAIL);
	}

	@Test
	void theMethodCannotChangeBeforeTheCaHasTheOrderNorOnceItIsIssued() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		String orderId = placed(reseller, dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain)));

		EntityExchangeResult<JsonNode> early = changeDcv(reseller.key(), orderId, Map.of("method", "DNS"));
		assertProblem(early, 409, "illegal-transition");
		assertThat(early.getResponseBody().path("detail").asString()).contains("while the CA validates");

		issue(reseller, orderId, domain);
		int timeline = order(reseller, orderId).path("timeline").size();
		assertProblem(changeDcv(reseller.key(), orderId, Map.of("method", "DNS")), 409, "illegal-transition");

		assertThat(order(reseller, orderId).path("timeline").size()).isEqualTo(timeline);
		await().during(Duration.ofSeconds(1))
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, DcvChangeRequested.class).isEmpty());
	}

	@Test
	void anOvOrderChangesItsMethodWhileItsDomainsAreCheckedButNotOnceTheOrganisationIs() {
		TestReseller reseller = registerReseller();
		String domain = uniqueDomain();
		Map<String, Object> body = dvOrder(domain, TestCertificates.csr(TestCertificates.rsa2048(), domain));
		body.put("productCode", "digicert-ov");
		body.put("organization",
				Map.of("name", "Example Shop Co., Ltd.", "country", "TH", "city", "Bangkok", "address",
						"1 Sukhumvit Rd", "phone", "+66 2 000 0000", "contact",
						Map.of("name", "Somchai Jaidee", "email", "somchai@" + domain, "phone", "+66 2 000 0001")));
		String orderId = submitted(reseller, body);
		publish(orderId, reseller.id(),
				new CertificateValidationUpdated("pending", "approve the email", ValidationStage.DCV_PENDING,
						List.of(new DcvInstruction(DcvMethod.EMAIL, domain, "admin@" + domain, null))));
		awaitOrderState(reseller, orderId, "PENDING_VALIDATION");

		assertThat(changeDcv(reseller.key(), orderId, Map.of("method", "HTTP")).getStatus().value()).isEqualTo(202);

		publish(orderId, reseller.id(), new CertificateValidationUpdated("pending", "documents needed",
				ValidationStage.DOCUMENTS_REQUESTED, List.of()));
		await().atMost(20, TimeUnit.SECONDS)
			.until(() -> "DOCUMENTS_REQUESTED".equals(order(reseller, orderId).at("/validation/stage").asString(null)));
		EntityExchangeResult<JsonNode> late = changeDcv(reseller.key(), orderId, Map.of("method", "DNS"));
		assertProblem(late, 409, "illegal-transition");
		assertThat(late.getResponseBody().path("detail").asString()).contains("validated the order's domains already");

		assertThat(orders.findById(orderId).block(Duration.ofSeconds(5)).dcv())
			.isEqualTo(new Dcv(DcvMethod.HTTP, null));
		await().during(Duration.ofSeconds(1))
			.atMost(10, TimeUnit.SECONDS)
			.until(() -> events().of(orderId, DcvChangeRequested.class)
				.equals(List.of(new DcvChangeRequested(new Dcv(DcvMethod.HTTP, null)))));
	}

	private EntityExchangeResult<JsonNode> changeDcv(String key, String orderId, Object body) {
		return call(HttpMethod.PUT, key, "/api/v1/orders/" + orderId + "/dcv", body);
	}

	/** Placed, paid and at the CA, as billing and the gateway would report it. */
	private String submitted(TestReseller reseller, Map<String, Object> body) {
		String orderId = placed(reseller, body);
		publish(orderId, reseller.id(), new PaymentCaptured(Money.of(900, "USD"), Money.of(0, "USD")));
		awaitOrderState(reseller, orderId, "PAID");
		publish(orderId, reseller.id(), new CertificateSubmitted(CertificateAuthority.DIGICERT, "DC-" + orderId));
		awaitOrderState(reseller, orderId, "SUBMITTED");
		return orderId;
	}

}
