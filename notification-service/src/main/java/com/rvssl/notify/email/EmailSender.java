package com.rvssl.notify.email;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one email over SMTP. JavaMail blocks (connect, dialogue, data), so the send runs on the
 * bounded elastic scheduler, never on a Netty event loop; the SMTP timeouts in application.yml
 * bound how long it can hold a thread.
 */
@Component
public class EmailSender {

	private final JavaMailSender mailSender;

	private final EmailProperties properties;

	public EmailSender(JavaMailSender mailSender, EmailProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
	}

	public Mono<Void> send(String recipient, EmailMessage message) {
		return Mono.fromRunnable(() -> {
			SimpleMailMessage mail = new SimpleMailMessage();
			mail.setFrom(properties.from());
			mail.setTo(recipient);
			mail.setSubject(message.subject());
			mail.setText(message.body());
			mailSender.send(mail);
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

}
