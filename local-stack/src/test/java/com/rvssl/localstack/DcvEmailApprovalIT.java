package com.rvssl.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.rvssl.kit.test.TestCertificates;
import com.rvssl.localstack.PlatformCalls.Reply;

import static com.rvssl.localstack.PlatformCalls.awaitOrder;
import static com.rvssl.localstack.PlatformCalls.call;
import static com.rvssl.localstack.PlatformCalls.sandbox;
import static com.rvssl.localstack.PlatformCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DV by email end to end, with the sandbox's auto-approval switched off: a DigiCert DV
 * order validated by email waits until the approver follows the link the sandbox mailed
 * (through the stack's SMTP catcher), and the POST behind the link's page issues it; or,
 * when the approval email never arrives, the customer switches the order to a DNS record
 * through the public API (the gateway changes the method at the CA, status-sync looks
 * again soon, the order's {@code validation.dcv} shows the TXT record to create) and it
 * is issued once the record exists.
 */
@ExtendWith(RunningPlatform.class)
class DcvEmailApprovalIT {

	/** Generous: two cores shared by several builds. */
	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final Pattern LINK = Pattern.compile("(http://\\S+/sandbox/dcv/approve/[A-Za-z0-9_-]+)");

	private static LocalStack stack;

	@BeforeAll
	static void useThePlatform() {
		stack = RunningPlatform.stack();
	}

	@AfterEach
	void autoApproveAgain() {
		autoApprove(true);
	}

	@Test
	void aDvOrderByEmailWaitsForTheMailedApprovalLinkAndIsIssuedOnceTheApproverPostsIt() {
		autoApprove(false);
		String domain = "mailed-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		String approver = "admin@" + domain;
		String orderId = placeOrder("rapidssl-dv", domain, Map.of("method", "EMAIL", "approverEmail", approver));

		JsonNode pending = awaitOrder(orderId, PATIENCE,
				order -> "DCV_PENDING".equals(order.at("/validation/stage").asString(null)));
		assertThat(pending.at("/validation/dcv/0/method").asString()).isEqualTo("EMAIL");
		assertThat(pending.at("/views/client/status").asString()).isEqualTo("Pending Validation");
		String caOrderId = pending.get("caOrderId").asString();

		String link = await().atMost(PATIENCE).until(() -> approvalLinkMailedTo(approver), Optional::isPresent).get();
		assertThat(link).startsWith(stack.sandboxUrl() + "/sandbox/dcv/approve/");

		// a mail scanner fetching the link approves nothing
		HttpResponse<String> page = page("GET", link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<form method=\"post\"").contains(domain);
		assertThat(call("GET", stack.sandboxUrl() + "/sandbox/orders/" + caOrderId, null, null).body()
			.get("status")
			.asString()).isEqualTo("pending");

		assertThat(page("POST", link).statusCode()).isEqualTo(200);

		JsonNode issued = awaitState(orderId, "ISSUED");
		assertThat(issued.at("/views/client/status").asString()).isEqualTo("Issued");
		assertThat(issued.at("/views/admin/status").asString()).isEqualTo("Active");
		assertThat(issued.at("/views/provider/status").asString()).isEqualTo("Complete");
		assertThat(issued.at("/certificate/serialNumber").asString()).isNotBlank();
		assertThat(issued.at("/validation/stage").isNull()).isTrue();
		assertThat(page("POST", link).statusCode()).as("the link works once").isEqualTo(410);
	}

	@Test
	void aDvOrderByEmailSwitchedToDnsShowsTheRecordToCreateAndIsIssuedOnceItExists() {
		autoApprove(false);
		String domain = "switched-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		String orderId = placeOrder("rapidssl-dv", domain,
				Map.of("method", "EMAIL", "approverEmail", "admin@" + domain));
		JsonNode byEmail = awaitOrder(orderId, PATIENCE,
				order -> "DCV_PENDING".equals(order.at("/validation/stage").asString(null)));
		assertThat(byEmail.at("/validation/dcv/0/method").asString()).isEqualTo("EMAIL");

		Reply changed = call("PUT", stack.url(PlatformService.ORDER) + "/api/v1/orders/" + orderId + "/dcv",
				stack.credentials().resellerKey(), Map.of("method", "DNS"));
		assertThat(changed.status()).as("change DCV: %s", changed.body()).isEqualTo(202);
		assertThat(changed.body().get("timeline").valueStream().map(entry -> entry.get("note").asString()))
			.contains("Validation method changed to DNS record");

		JsonNode byDns = awaitOrder(orderId, PATIENCE,
				order -> "DNS".equals(order.at("/validation/dcv/0/method").asString(null)));
		assertThat(byDns.get("state").asString()).isEqualTo("PENDING_VALIDATION");
		JsonNode instruction = byDns.at("/validation/dcv/0");
		assertThat(instruction.get("target").asString()).isEqualTo("_dnsauth." + domain);
		String value = instruction.get("value").asString();
		assertThat(value).isNotBlank();
		assertThat(byDns.at("/views/client/detail").asString())
			.isEqualTo("Add the DNS record _dnsauth." + domain + " with the value " + value + ".");
		JsonNode atCa = call("GET", stack.sandboxUrl() + "/sandbox/orders?reference=" + orderId, null, null).body();
		assertThat(atCa).hasSize(1);
		assertThat(atCa.at("/0/dcvMethod").asString()).isEqualTo("dns-txt-token");

		sandbox("PUT", "/sandbox/dns", Map.of("name", "_dnsauth." + domain, "type", "TXT", "value", value));

		JsonNode issued = awaitState(orderId, "ISSUED");
		assertThat(issued.at("/views/client/status").asString()).isEqualTo("Issued");
		assertThat(issued.at("/views/provider/status").asString()).isEqualTo("Complete");
		assertThat(issued.at("/certificate/serialNumber").asString()).isNotBlank();
	}

	// --- the approver's mailbox and browser

	private static Optional<String> approvalLinkMailedTo(String approver) throws MessagingException, IOException {
		for (MimeMessage message : stack.receivedMail()) {
			var to = message.getRecipients(Message.RecipientType.TO);
			if (to != null && List.of(to).stream().anyMatch(a -> a.toString().equals(approver))
					&& message.getContent() instanceof String text) {
				Matcher matcher = LINK.matcher(text);
				if (matcher.find()) {
					return Optional.of(matcher.group(1));
				}
			}
		}
		return Optional.empty();
	}

	private static HttpResponse<String> page(String method, String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return send(request, method + " " + url);
	}

	// --- the steps a WHMCS addon takes, and the sandbox's DV auto-approval

	private static void autoApprove(boolean enabled) {
		Reply reply = call("PUT", stack.sandboxUrl() + "/sandbox/dv/auto-approve", null, Map.of("enabled", enabled));
		assertThat(reply.status()).as("switch auto-approval: %s", reply.body()).isEqualTo(200);
		assertThat(reply.body().get("enabled").asBoolean()).isEqualTo(enabled);
	}

	private static String placeOrder(String product, String domain, Map<String, Object> dcv) {
		Map<String, Object> body = Map.of("productCode", product, "termMonths", 12, "domains", List.of(domain),
				"whmcsServiceId", "whmcs-" + domain, "customer",
				Map.of("name", "Ann Lee", "email", "approve-" + domain + "@customer.example"), "csr",
				TestCertificates.csr(TestCertificates.rsa2048(), domain), "dcv", dcv);
		Reply reply = call("POST", stack.url(PlatformService.ORDER) + "/api/v1/orders",
				stack.credentials().resellerKey(), body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(reply.status()).as("create order: %s", reply.body()).isEqualTo(201);
		return reply.body().get("id").asString();
	}

	private static JsonNode awaitState(String orderId, String state) {
		return awaitOrder(orderId, PATIENCE, order -> state.equals(order.get("state").asString()));
	}

}
