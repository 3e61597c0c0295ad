package com.rvssl.order.dcv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The addresses a CA accepts for email domain control validation (the CA/Browser Forum's
 * constructed addresses): admin@, administrator@, hostmaster@, postmaster@ and webmaster@
 * of the domain and of each parent down to the registrable domain. A wildcard's
 * {@code *.} is dropped. The registrable domain is found without the full public suffix
 * list: a two-letter country code under a common second-level label ({@code co.uk},
 * {@code co.th}, {@code com.au}...) counts as the suffix, otherwise the last label does.
 */
public final class ApproverEmails {

	private static final List<String> MAILBOXES = List.of("admin", "administrator", "hostmaster", "postmaster",
			"webmaster");

	private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "ac", "go", "or", "in", "gov",
			"edu", "ne", "mi");

	private static final Pattern HOSTNAME = Pattern
		.compile("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

	private ApproverEmails() {
	}

	/**
	 * @throws IllegalArgumentException when {@code domain} is not a domain name with a
	 * registrable part
	 */
	public static List<String> of(String domain) {
		String name = (domain == null) ? "" : domain.trim().toLowerCase(Locale.ROOT);
		if (name.startsWith("*.")) {
			name = name.substring(2);
		}
		if (name.length() > 253 || !HOSTNAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + domain + "' is not a domain name");
		}
		String[] labels = name.split("\\.");
		int registrableLabels = suffixLabels(labels) + 1;
		if (labels.length < registrableLabels) {
			throw new IllegalArgumentException("'" + domain + "' is a public suffix, not a registrable domain");
		}
		List<String> emails = new ArrayList<>();
		for (int start = 0; start <= labels.length - registrableLabels; start++) {
			String level = String.join(".", List.of(labels).subList(start, labels.length));
			MAILBOXES.forEach((mailbox) -> emails.add(mailbox + "@" + level));
		}
		return emails;
	}

	private static int suffixLabels(String[] labels) {
		int n = labels.length;
		boolean countryCode = labels[n - 1].length() == 2;
		return (n >= 2 && countryCode && SECOND_LEVEL.contains(labels[n - 2])) ? 2 : 1;
	}

}
