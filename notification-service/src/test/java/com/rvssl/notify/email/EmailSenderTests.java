package com.rvssl.notify.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;

class EmailSenderTests {

	@Test
	void jakartaMailLoadsTheNamedStreamProviderAndStillEncodesMessages() throws Exception {
		EmailSender.nameStreamProvider();

		assertThat(StreamProvider.provider().getClass().getName())
			.isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
		MimeMessage mime = new JavaMailSenderImpl().createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				StandardCharsets.UTF_8.name());
		helper.setFrom("ssl@example.test");
		helper.setTo("customer@example.test");
		helper.setSubject("Zertifikat für www.example.test");
		helper.setText("plain", "<p>html</p>");
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		mime.writeTo(written);
		assertThat(written.toString(StandardCharsets.US_ASCII))
			.contains("=?UTF-8?Q?Zertifikat_f=C3=BCr_www.example.test?=")
			.contains("<p>html</p>");
	}

}
