package com.rvssl.notify.email;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one email over SMTP: plain text and HTML as multipart/alternative (mail clients
 * show the one they can), plus the attachment if there is one. JavaMail blocks (connect,
 * dialogue, data), so the send runs on the bounded elastic scheduler, never on a Netty
 * event loop; the SMTP timeouts in application.yml bound how long it can hold a thread.
 */
@Component
public class EmailSender {

	/**
	 * The system property Jakarta Mail reads before it looks its stream provider up.
	 */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	private final JavaMailSender mailSender;

	private final EmailProperties properties;

	public EmailSender(JavaMailSender mailSender, EmailProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
		nameStreamProvider();
	}

	/**
	 * Jakarta Mail 2.1 looks its stream provider up through the ServiceLoader on every
	 * part it encodes (jakartaee/mail-api#861): a walk through every jar of the
	 * application, a fifth of this service's Java samples in a profiled load run. Named,
	 * it is loaded by name.
	 */
	static void nameStreamProvider() {
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	public Mono<Void> send(String recipient, EmailMessage message) {
		return Mono.fromRunnable(() -> mailSender.send(mime(recipient, message)))
			.subscribeOn(Schedulers.boundedElastic())
			.then();
	}

	private MimeMessage mime(String recipient, EmailMessage message) {
		MimeMessage mime = mailSender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(mime, (message.html() != null)
					? MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED : MimeMessageHelper.MULTIPART_MODE_NO,
					StandardCharsets.UTF_8.name());
			helper.setFrom(properties.from());
			helper.setTo(recipient);
			helper.setSubject(message.subject());
			if (message.html() != null) {
				helper.setText(message.body(), message.html());
			}
			else {
				helper.setText(message.body());
			}
			if (message.hasAttachment() && message.html() != null) {
				helper.addAttachment(message.attachmentName(),
						new ByteArrayResource(message.attachment().getBytes(StandardCharsets.US_ASCII)),
						"application/x-pem-file");
			}
			return mime;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("could not build the email to " + recipient, ex);
		}
	}

}
