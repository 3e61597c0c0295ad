package com.rvssl.sandbox.approval;

import static com.rvssl.kit.test.TestCertificates.csr;
import static com.rvssl.kit.test.TestCertificates.rsa2048;
import static com.rvssl.sandbox.DigicertOrders.DEV_KEY;
import static com.rvssl.sandbox.DigicertOrders.body;
import static com.rvssl.sandbox.DigicertOrders.placed;
import static com.rvssl.sandbox.DigicertOrders.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.rvssl.sandbox.SandboxCaApplication;

/**
 * DV approval by email against a real SMTP server (GreenMail): the approver gets a
 * one-time link, GET only asks, POST approves, a used or unknown link is refused.
 * Auto-approval is switched off at run time for these tests (and on again after each).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + SandboxCaApplication.CONFIG_NAME, "sandbox.dv.approve-after=PT0.5S" })
@AutoConfigureWebTestClient(timeout = "30s")
class DcvEmailApprovalTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Pattern LINK = Pattern.compile("(http://\\S+/sandbox/dcv/approve/[A-Za-z0-9_-]+)");

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@AfterEach
	void autoApproveAgain() {
		autoApprove(true);
	}

	@Test
	void aDvEmailOrderMailsTheApproverALinkWhoseGetOnlyAsksWhosePostIssuesAndWhichCannotBeUsedTwice() {
		autoApprove(false);
		String domain = unique("mailed");
		long id = placed(this.client, "ssl_dv_geotrust",
				body(domain, List.of(), csr(rsa2048(), domain), "ref-" + domain));

		String link = linkMailedTo("admin@" + domain);
		assertThat(link).startsWith("http://localhost:" + this.port + "/sandbox/dcv/approve/");
		String path = URI.create(link).getPath();

		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<form method=\"post\"").contains(domain));
		// well past the 0.5 s auto-approval delay: neither the GET nor the switched-off
		// clock approves
		await().during(Duration.ofMillis(1500)).atMost(PATIENCE).until(() -> status(this.client, id).equals("pending"));

		this.client.post().uri(path).exchange().expectStatus().isOk();
		assertThat(status(this.client, id)).isEqualTo("issued");

		this.client.post().uri(path).exchange().expectStatus().isEqualTo(410);
		this.client.get().uri(path).exchange().expectStatus().isEqualTo(410);
		assertThat(status(this.client, id)).isEqualTo("issued");
	}

	@Test
	void anUnknownLinkIsRefusedAndApprovesNothing() {
		this.client.post().uri("/sandbox/dcv/approve/no-such-token").exchange().expectStatus().isNotFound();
		this.client.get().uri("/sandbox/dcv/approve/no-such-token").exchange().expectStatus().isNotFound();
	}

	@Test
	void aResentDcvEmailBringsAFreshLinkThatApprovesToo() {
		autoApprove(false);
		String domain = unique("resent");
		long id = placed(this.client, "ssl_dv_geotrust",
				body(domain, List.of(), csr(rsa2048(), domain), "ref-" + domain));
		String first = linkMailedTo("admin@" + domain);

		this.client.put()
			.uri("/services/v2/order/certificate/{id}/send-dcv-email", id)
			.header("X-DC-DEVKEY", DEV_KEY)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		await().atMost(PATIENCE).until(() -> linksMailedTo("admin@" + domain).size() == 2);
		String second = linksMailedTo("admin@" + domain).get(1);
		assertThat(second).isNotEqualTo(first);

		this.client.post().uri(URI.create(second).getPath()).exchange().expectStatus().isOk();
		assertThat(status(this.client, id)).isEqualTo("issued");
	}

	@Test
	void autoApprovalIsSwitchedAtRunTimeAndABodyWithoutTheFlagIsRefused() {
		autoApprove(false);
		this.client.get()
			.uri("/sandbox/dv/auto-approve")
			.exchange()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(false);
		this.client.put()
			.uri("/sandbox/dv/auto-approve")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/sandbox/dv/auto-approve")
			.exchange()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(false);

		autoApprove(true);
		String domain = unique("auto");
		long id = placed(this.client, "ssl_dv_geotrust",
				body(domain, List.of(), csr(rsa2048(), domain), "ref-" + domain));
		await().atMost(PATIENCE).until(() -> status(this.client, id).equals("issued"));
	}

	private void autoApprove(boolean enabled) {
		this.client.put()
			.uri("/sandbox/dv/auto-approve")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", enabled))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(enabled);
	}

	private static String linkMailedTo(String approver) {
		await().atMost(PATIENCE).until(() -> !linksMailedTo(approver).isEmpty());
		return linksMailedTo(approver).get(0);
	}

	private static List<String> linksMailedTo(String approver) {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter((message) -> sentTo(message, approver))
			.map(DcvEmailApprovalTests::link)
			.toList();
	}

	private static boolean sentTo(MimeMessage message, String approver) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((address) -> address.toString().equals(approver));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String link(MimeMessage message) {
		try {
			assertThat(message.getContentType()).startsWith("text/plain");
			Matcher matcher = LINK.matcher((String) message.getContent());
			assertThat(matcher.find()).as("an approval link in the mail").isTrue();
			return matcher.group(1);
		}
		catch (jakarta.mail.MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unique(String kind) {
		return kind + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
