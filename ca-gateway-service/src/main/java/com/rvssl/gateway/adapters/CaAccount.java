package com.rvssl.gateway.adapters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One account at a CA (a DigiCert API key or sub-account, a Sectigo reseller login), and
 * the budget it spends: its own Resilience4j rate limiter, {@link #limiter()}. A CA's
 * default account (the first configured, or the one made of the single key when no list
 * is given) spends the limiter named after the CA ({@code digicert}, {@code sectigo}), so
 * a configuration with one account is the configuration of before; every other account
 * spends {@code <ca>-<name>}, configured under
 * {@code resilience4j.ratelimiter.instances.<ca>-<name>} or else like the CA's (the
 * vendors publish their limits per key).
 *
 * @param ca the CA's name ({@code digicert}, {@code sectigo})
 * @param name the account's name, as configured ({@code default} for the single key)
 * @param isDefault whether it is the CA's default account
 */
public record CaAccount(String ca, String name, boolean isDefault) {

	/** The name of the account made of a CA's single key or login. */
	public static final String DEFAULT = "default";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

	/** The CA's default account when it has only the one. */
	public static CaAccount defaultOf(String ca) {
		return new CaAccount(ca, DEFAULT, true);
	}

	/** The name of the rate limiter that is this account's budget. */
	public String limiter() {
		return isDefault ? ca : ca + "-" + name;
	}

	/** How logs and refusals name it: the CA alone for its default account. */
	@Override
	public String toString() {
		return isDefault ? ca : ca + " account " + name;
	}

	/**
	 * The account a new order is placed with: a stable hash (SHA-256) of its reference
	 * (our order id) over the CA's accounts, in their configured order. The same
	 * reference always gives the same account for the same list, whichever replica asks,
	 * so a retried order and the search for a lost reply ask the account that may have
	 * the order; the submission record keeps the choice for every later call.
	 */
	public static String choose(String reference, List<String> accounts) {
		if (accounts.isEmpty()) {
			throw new IllegalArgumentException("no account to choose from");
		}
		if (accounts.size() == 1) {
			return accounts.get(0);
		}
		byte[] digest = sha256(reference.getBytes(StandardCharsets.UTF_8));
		long value = 0;
		for (int i = 0; i < Long.BYTES; i++) {
			value = (value << 8) | (digest[i] & 0xff);
		}
		return accounts.get((int) Long.remainderUnsigned(value, accounts.size()));
	}

	/**
	 * Refuses at start-up names that would make accounts ambiguous: a blank or repeated
	 * name, or one a rate limiter's property cannot carry (letters, digits, '-' and '_'
	 * only).
	 * @param property the list's property, such as {@code rvssl.ca.digicert.accounts}
	 * @param names the accounts' names, in order
	 */
	public static void validateNames(String property, List<String> names) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String entry = property + "[" + i + "].name";
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException(entry + " is blank: every account needs a name");
			}
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException(entry + " '" + name
						+ "' may hold only letters, digits, '-' and '_' (it names the account's rate limiter)");
			}
			if (!seen.add(name)) {
				throw new IllegalArgumentException(entry + " '" + name + "' is the name of another account");
			}
		}
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is in every JDK", ex);
		}
	}

}
