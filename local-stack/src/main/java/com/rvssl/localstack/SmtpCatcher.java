package com.rvssl.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) that accepts mail for anyone and keeps it: in memory for
 * tests, and as {@code .eml} files in the mail directory so a developer can open what the
 * platform sent.
 */
final class SmtpCatcher implements AutoCloseable {

	private final GreenMail greenMail;

	private final Path mailDir;

	private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "smtp-catcher-writer");
		thread.setDaemon(true);
		return thread;
	});

	private int written;

	private SmtpCatcher(GreenMail greenMail, Path mailDir) {
		this.greenMail = greenMail;
		this.mailDir = mailDir;
	}

	static SmtpCatcher start(int port, Path mailDir) {
		GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		SmtpCatcher catcher = new SmtpCatcher(greenMail, mailDir);
		if (mailDir != null) {
			catcher.writer.scheduleWithFixedDelay(catcher::writeNewMessages, 1, 1, TimeUnit.SECONDS);
		}
		return catcher;
	}

	/** Every message received since start, oldest first. */
	List<MimeMessage> received() {
		return List.of(greenMail.getReceivedMessages());
	}

	private synchronized void writeNewMessages() {
		MimeMessage[] messages = greenMail.getReceivedMessages();
		try {
			Files.createDirectories(mailDir);
			for (; written < messages.length; written++) {
				Path file = mailDir.resolve(System.currentTimeMillis() + "-" + written + ".eml");
				try (OutputStream out = Files.newOutputStream(file)) {
					messages[written].writeTo(out);
				}
			}
		}
		catch (IOException | MessagingException ex) {
			System.err.println("[local-stack] cannot keep a received mail: " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		writer.shutdown();
		if (mailDir != null) {
			writeNewMessages();
		}
		greenMail.stop();
	}

}
