package com.rvssl.notify.email;

/**
 * A rendered email, kept in the delivery log so a retry sends exactly the same message:
 * the plain text, its HTML alternative, and optionally one text attachment (the
 * certificate's PEM).
 */
public record EmailMessage(String subject, String body, String html, String attachmentName, String attachment) {

	public EmailMessage(String subject, String body) {
		this(subject, body, null, null, null);
	}

	public boolean hasAttachment() {
		return attachmentName != null && attachment != null;
	}

}
