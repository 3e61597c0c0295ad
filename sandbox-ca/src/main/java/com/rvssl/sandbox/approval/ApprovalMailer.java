package com.rvssl.sandbox.approval;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.OrderStatus;
import com.rvssl.sandbox.orders.OrderWatcher;
import com.rvssl.sandbox.orders.ValidationStep;
import com.rvssl.sandbox.validation.DcvProof;
import com.rvssl.sandbox.validation.DomainControl;

/**
 * Mails each approver of a pending DV order validated by email a one-time approval link,
 * when the order is placed and whenever its email is asked for again. Without
 * {@code spring.mail.host} there is no mail sender: the link is only logged. Sending
 * happens off the caller's thread, so a slow SMTP server never holds up an order call.
 */
@Component
class ApprovalMailer implements OrderWatcher {

	private static final Logger log = LoggerFactory.getLogger(ApprovalMailer.class);

	static final String FROM = "no-reply@sandbox-ca.test";

	private final ApprovalLinks links;

	private final DomainControl domainControl;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final Environment environment;

	ApprovalMailer(ApprovalLinks links, DomainControl domainControl, ObjectProvider<JavaMailSender> mailSender,
			Environment environment) {
		this.links = links;
		this.domainControl = domainControl;
		this.mailSender = mailSender;
		this.environment = environment;
	}

	/**
	 * A validation round that ended (issued, or closed) takes its approvals and open
	 * links along: a reissue that must validate again asks the approvers anew.
	 */
	@Override
	public void changed(CaOrder before, CaOrder after) {
		if (before.status() == OrderStatus.PENDING && after.status() != OrderStatus.PENDING) {
			this.links.forget(after.id());
		}
	}

	/**
	 * New orders, resends, and reissues that must validate their domains again: every
	 * order that waits for domain control.
	 */
	@Override
	public void dcvEmailDue(CaOrder order) {
		if (order.status() != OrderStatus.PENDING || order.step() != ValidationStep.DOMAIN_CONTROL) {
			return;
		}
		this.domainControl
			.proofs(order.api(), order.dcvMethod(), order.dnsNames(), order.csr(), order.dcvRandomValue(),
					order.reference(), order.dcvEmails())
			.stream()
			.filter((proof) -> DcvProof.EMAIL.equals(proof.method()))
			.forEach((proof) -> send(order, this.links.create(order.id(), proof.domain(), proof.target())));
	}

	private void send(CaOrder order, ApprovalLink link) {
		String url = publicUrl() + "/sandbox/dcv/approve/" + link.token();
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			log.info("No SMTP server configured: approval link for {} (order {}) not mailed to {}: {}", link.domain(),
					order.id(), link.approver(), url);
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(FROM);
		message.setTo(link.approver());
		message.setSubject("Approve the certificate request for " + link.domain());
		message.setText("""
				Someone asked the sandbox CA for a certificate for %s (order %d, %s).

				If you are the owner of %s and want the certificate, approve the request here:

				%s

				The link can be used once. If you did not ask for this certificate, ignore this message.
				""".formatted(link.domain(), order.id(), order.commonName(), link.domain(), url));
		Schedulers.boundedElastic().schedule(() -> {
			try {
				sender.send(message);
				log.info("Approval link for {} (order {}) mailed to {}", link.domain(), order.id(), link.approver());
			}
			catch (RuntimeException ex) {
				log.warn("Mailing the approval link for {} (order {}) to {} failed: {}", link.domain(), order.id(),
						link.approver(), ex.toString());
			}
		});
	}

	/** {@code sandbox.public-url}, or this server on localhost. */
	private String publicUrl() {
		String configured = this.environment.getProperty("sandbox.public-url");
		if (configured != null && !configured.isBlank()) {
			return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8090"));
		return "http://localhost:" + port.toLowerCase(Locale.ROOT);
	}

}
