package com.rvssl.sandbox.validation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The proofs of domain control each API asks for, and their checks through the
 * {@link TestNetwork}.
 * <ul>
 * <li>DigiCert {@code http-token}:
 * {@code http://<domain>/.well-known/pki-validation/fileauth.txt} holding the order's
 * random value; {@code dns-txt-token}: a TXT record {@code _dnsauth.<domain>} with it;
 * {@code dns-cname-token}: a CNAME {@code <random value>.<domain>} to
 * {@code dcv.digicert.com}.</li>
 * <li>Sectigo {@code HTTP_CSR_HASH}/{@code HTTPS_CSR_HASH}:
 * {@code /.well-known/pki-validation/<MD5
 * of the CSR's DER, upper-case>.txt} holding the SHA-256 hex, {@code sectigo.com} and the
 * {@code uniqueValue}, one per line; {@code CNAME_CSR_HASH}: a CNAME
 * {@code _<MD5>.<domain>} to
 * {@code <SHA-256 first half>.<second half>[.<uniqueValue>].sectigo.com}.</li>
 * </ul>
 * Email proofs are approvals, not checks: they are listed here and approved elsewhere.
 */
@Component
public class DomainControl {

	private static final Logger log = LoggerFactory.getLogger(DomainControl.class);

	private static final String WELL_KNOWN = "/.well-known/pki-validation/";

	private final TestNetwork network;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public DomainControl(TestNetwork network) {
		this.network = network;
	}

	/** One proof per distinct domain (a wildcard counts as its base name). */
	public List<DcvProof> proofs(String api, String method, List<String> names, String csrPem, String randomValue,
			String reference, List<String> approvers) {
		Set<String> domains = new LinkedHashSet<>();
		names.forEach((name) -> domains.add(base(name)));
		List<DcvProof> proofs = new ArrayList<>();
		for (String domain : domains) {
			proofs.add("sectigo".equals(api) ? sectigo(method, domain, csrPem, reference, approvers)
					: digicert(method, domain, randomValue, approvers));
		}
		return proofs;
	}

	/**
	 * Whether every HTTP and DNS proof is in place; false when any is an email approval.
	 */
	public boolean allShown(List<DcvProof> proofs) {
		return !proofs.isEmpty() && proofs.stream().allMatch(this::shown);
	}

	/** Whether this one proof is in place now. */
	public boolean shown(DcvProof proof) {
		return switch (proof.method()) {
			case DcvProof.HTTP -> fileShown(proof);
			case DcvProof.DNS_TXT -> this.network.lookup(proof.target(), "TXT")
				.filter((record) -> sameValue(record.value(), proof.value()))
				.isPresent();
			case DcvProof.DNS_CNAME -> this.network.lookup(proof.target(), "CNAME")
				.filter((record) -> sameValue(stripDot(record.value()), stripDot(proof.value())))
				.isPresent();
			default -> false;
		};
	}

	private boolean fileShown(DcvProof proof) {
		String address = this.network.addressOf(proof.domain()).orElse(null);
		if (address == null) {
			return false;
		}
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + proof.path()))
				.timeout(Duration.ofSeconds(3))
				.GET()
				.build();
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return response.statusCode() == 200 && sameLines(response.body(), proof.value());
		}
		catch (java.io.IOException ex) {
			log.debug("Validation file of {} not reachable at {}: {}", proof.domain(), address, ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static DcvProof digicert(String method, String domain, String randomValue, List<String> approvers) {
		return switch ((method != null) ? method : "email") {
			case "http-token" ->
				new DcvProof(DcvProof.HTTP, domain, "http://" + domain + WELL_KNOWN + "fileauth.txt", randomValue);
			case "dns-txt-token" -> new DcvProof(DcvProof.DNS_TXT, domain, "_dnsauth." + domain, randomValue);
			case "dns-cname-token" ->
				new DcvProof(DcvProof.DNS_CNAME, domain, randomValue + "." + domain, "dcv.digicert.com");
			default -> new DcvProof(DcvProof.EMAIL, domain, approver(approvers, domain), null);
		};
	}

	private static DcvProof sectigo(String method, String domain, String csrPem, String reference,
			List<String> approvers) {
		byte[] der = der(csrPem);
		String md5 = hex("MD5", der).toUpperCase(Locale.ROOT);
		String sha256 = hex("SHA-256", der).toUpperCase(Locale.ROOT);
		String unique = (reference != null && !reference.isBlank()) ? reference : null;
		return switch ((method != null) ? method : "EMAIL") {
			case "HTTP_CSR_HASH", "HTTPS_CSR_HASH" -> new DcvProof(DcvProof.HTTP, domain,
					("HTTPS_CSR_HASH".equals(method) ? "https://" : "http://") + domain + WELL_KNOWN + md5 + ".txt",
					sha256 + "\nsectigo.com" + ((unique != null) ? "\n" + unique : ""));
			case "CNAME_CSR_HASH" ->
				new DcvProof(DcvProof.DNS_CNAME, domain, "_" + md5 + "." + domain, sha256.substring(0, 32) + "."
						+ sha256.substring(32) + ((unique != null) ? "." + unique : "") + ".sectigo.com");
			default -> new DcvProof(DcvProof.EMAIL, domain, approver(approvers, domain), null);
		};
	}

	private static String approver(List<String> approvers, String domain) {
		return (approvers != null && !approvers.isEmpty()) ? approvers.get(0) : "admin@" + domain;
	}

	private static String base(String name) {
		String lower = name.trim().toLowerCase(Locale.ROOT);
		return lower.startsWith("*.") ? lower.substring(2) : lower;
	}

	private static boolean sameValue(String actual, String expected) {
		return actual != null && expected != null && actual.trim().equalsIgnoreCase(expected.trim());
	}

	/**
	 * Line by line, ignoring surrounding blanks and case (hashes are hex) and a trailing
	 * newline.
	 */
	private static boolean sameLines(String actual, String expected) {
		List<String> got = actual.strip().lines().map(String::strip).toList();
		List<String> want = expected.strip().lines().map(String::strip).toList();
		if (got.size() != want.size()) {
			return false;
		}
		for (int i = 0; i < got.size(); i++) {
			if (!got.get(i).equalsIgnoreCase(want.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static String stripDot(String name) {
		return (name != null && name.endsWith(".")) ? name.substring(0, name.length() - 1) : name;
	}

	private static byte[] der(String pem) {
		String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(body);
	}

	private static String hex(String algorithm, byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is part of every JDK", ex);
		}
	}

}
