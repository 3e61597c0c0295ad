package com.rvssl.notify.email;

/** A rendered plain-text email, kept in the delivery log so a retry sends exactly the same text. */
public record EmailMessage(String subject, String body) {
}
