package com.rvssl.notify.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.netty.util.NetUtil;

import org.springframework.stereotype.Component;

/**
 * Where a webhook may point: an absolute https URL (http only when the settings allow it)
 * with a host, no user name or password and no fragment, whose addresses are all public
 * internet addresses (or inside a block the settings allow). The URL's own checks need no
 * DNS; a host name's addresses are checked by {@link WebhookTargets}.
 */
@Component
public class WebhookTargetPolicy {

	static final int MAX_URL_LENGTH = 2000;

	/** An IPv4 address as every parser reads it alike: four decimal numbers. */
	private static final Pattern CANONICAL_IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	/**
	 * A host some parser reads as a number (a last label of digits, or hex): 2130706433,
	 * 0x7f.1, 127.1, 0177.0.0.1.
	 */
	private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(.*\\.)?(\\d+|0x[0-9a-f]*)\\.?");

	private final boolean allowHttp;

	private final List<AddressBlock> allowedNetworks;

	public WebhookTargetPolicy(WebhookProperties properties) {
		this.allowHttp = properties.allowHttp();
		this.allowedNetworks = properties.allowedNetworks().stream().map(AddressBlock::parse).toList();
	}

	/**
	 * What is wrong with the URL itself (a sentence for the reseller), empty when nothing
	 * is: the scheme, its parts, and the address when the host is an address literal.
	 */
	public Optional<String> urlProblem(String url) {
		String schemes = allowHttp ? "must be an http or https URL" : "must be an https URL";
		if (url.length() > MAX_URL_LENGTH) {
			return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of(schemes);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.isOpaque() || !(scheme.equals("https") || (allowHttp && scheme.equals("http")))) {
			return Optional.of(schemes);
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("must not carry a user name or password");
		}
		if (uri.getRawFragment() != null) {
			return Optional.of("must not have a fragment (#...)");
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			// java.net.URI leaves the host out when it is not a host name it knows
			// (127.1)
			String authority = (uri.getRawAuthority() != null) ? uri.getRawAuthority().replaceFirst(":\\d*$", "") : "";
			return Optional
				.of(NUMERIC_HOST.matcher(authority).matches() ? notFourNumbers(authority) : "must name a host");
		}
		if (host.startsWith("[")) {
			return literalProblem(host.substring(1, host.length() - 1), host);
		}
		if (NUMERIC_HOST.matcher(host).matches()) {
			return CANONICAL_IPV4.matcher(host).matches() ? literalProblem(host, host)
					: Optional.of(notFourNumbers(host));
		}
		return Optional.empty();
	}

	private static String notFourNumbers(String host) {
		return "must write an IPv4 address as four decimal numbers (a.b.c.d), not " + host;
	}

	/** What kind of address this is when a webhook may not reach it, else empty. */
	public Optional<String> addressProblem(InetAddress address) {
		Optional<String> kind = NonPublicAddresses.kindOf(address);
		if (kind.isEmpty() || allowedNetworks.stream().anyMatch(block -> block.contains(address))) {
			return Optional.empty();
		}
		return kind;
	}

	/** The host of a URL this policy passed; an IPv6 literal without its brackets. */
	static String hostOf(String url) {
		String host = URI.create(url).getHost();
		return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
	}

	/** The address a host literal names, or null when the host is a name. */
	static InetAddress literal(String host) {
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
		if (bytes == null) {
			return null;
		}
		try {
			return InetAddress.getByAddress(host, bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private Optional<String> literalProblem(String literal, String asWritten) {
		if (literal.indexOf('%') >= 0) {
			return Optional.of("must not name an IPv6 zone");
		}
		InetAddress address = literal(literal);
		if (address == null) {
			return Optional.of("must name a host");
		}
		return addressProblem(address)
			.map(kind -> asWritten + " is " + kind + ": webhooks go to public internet addresses only");
	}

}
