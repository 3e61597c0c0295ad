package com.rvssl.gateway.adapters.sectigo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.gateway.adapters.CaOrderQuery;
import com.rvssl.gateway.adapters.CaOrderStatus;
import com.rvssl.gateway.adapters.CaOrderStatus.State;

/**
 * The validation stage and DCV instructions of a Sectigo order, from CollectSSL's
 * extended status ({@code dcvMethod}, {@code dcvStatus},
 * {@code organizationValidationStatus}, {@code ovCallBackStatus}) and, as Sectigo
 * documents, the tokens the reseller computes from its own CSR: the file
 * {@code /.well-known/pki-validation/<MD5 of the CSR's DER>.txt} holding the SHA-256,
 * {@code sectigo.com} and the {@code uniqueValue}; the CNAME {@code _<MD5>.<domain>} to
 * {@code <SHA-256 in two halves>.<uniqueValue>.sectigo.com}.
 */
final class SectigoValidation {

	private SectigoValidation() {
	}

	static CaOrderStatus enrich(CaOrderStatus base, SectigoReply reply, CaOrderQuery query) {
		if (base.state() != State.PENDING_VALIDATION) {
			return base;
		}
		ValidationStage stage = stage(reply);
		if (stage == null) {
			return base;
		}
		if (stage != ValidationStage.DCV_PENDING) {
			return new CaOrderStatus(base.state(), base.caStatus(), organisationDetail(stage), stage, List.of());
		}
		List<DcvInstruction> instructions = instructions(reply, query);
		String detail = instructions.isEmpty() ? base.detail() : detail(instructions);
		return new CaOrderStatus(base.state(), base.caStatus(), detail, stage, instructions);
	}

	static ValidationStage stage(SectigoReply reply) {
		if ("Awaiting Validation".equals(reply.get("dcvStatus"))
				|| "2".equals(reply.get("statusCode")) && reply.get("dcvStatus") == null) {
			return ValidationStage.DCV_PENDING;
		}
		String documents = reply.get("organizationValidationStatus");
		String callBack = reply.get("ovCallBackStatus");
		if ("Awaiting Documents".equals(documents)) {
			return ValidationStage.DOCUMENTS_REQUESTED;
		}
		if ("Pending".equals(callBack) || "Not Started".equals(callBack)) {
			return ValidationStage.VERIFICATION_CALL_PENDING;
		}
		if ("Under Review".equals(documents) || "12".equals(reply.get("statusCode"))) {
			return ValidationStage.UNDER_REVIEW;
		}
		return null;
	}

	static List<DcvInstruction> instructions(SectigoReply reply, CaOrderQuery query) {
		String method = (reply.get("dcvMethod") != null) ? reply.get("dcvMethod")
				: (query.dcv() != null) ? SectigoAdapter.dcvMethod(query.dcv().method()) : "EMAIL";
		Set<String> domains = new LinkedHashSet<>();
		query.domains().forEach(name -> domains.add(base(name)));
		List<DcvInstruction> instructions = new ArrayList<>();
		if (!method.equals("EMAIL") && query.csr() == null) {
			return instructions;
		}
		String md5 = null;
		String sha256 = null;
		if (query.csr() != null) {
			byte[] der = der(query.csr());
			md5 = hex("MD5", der);
			sha256 = hex("SHA-256", der);
		}
		String unique = query.reference();
		for (String domain : domains) {
			instructions.add(switch (method) {
				case "HTTP_CSR_HASH",
						"HTTPS_CSR_HASH" ->
					new DcvInstruction(DcvMethod.HTTP, domain,
							(method.startsWith("HTTPS") ? "https://" : "http://") + domain
									+ "/.well-known/pki-validation/" + md5 + ".txt",
							sha256 + "\nsectigo.com" + ((unique != null) ? "\n" + unique : ""));
				case "CNAME_CSR_HASH" ->
					new DcvInstruction(DcvMethod.DNS, domain, "_" + md5 + "." + domain, sha256.substring(0, 32) + "."
							+ sha256.substring(32) + ((unique != null) ? "." + unique : "") + ".sectigo.com");
				default -> new DcvInstruction(DcvMethod.EMAIL, domain, approver(reply, query, domain), null);
			});
		}
		return instructions;
	}

	private static String approver(SectigoReply reply, CaOrderQuery query, String domain) {
		if (reply.get("dcvEmailAddress") != null) {
			return reply.get("dcvEmailAddress");
		}
		return (query.dcv() != null && query.dcv().approverEmail() != null) ? query.dcv().approverEmail()
				: "admin@" + domain;
	}

	private static String detail(List<DcvInstruction> instructions) {
		DcvInstruction first = instructions.get(0);
		// one approver for every domain (the usual email case) needs no "likewise"
		boolean same = instructions.stream()
			.allMatch(other -> java.util.Objects.equals(other.target(), first.target()));
		String more = (instructions.size() > 1 && !same) ? " (and likewise for " + (instructions.size() - 1)
				+ " more domain" + ((instructions.size() > 2) ? "s" : "") + ")" : "";
		return switch (first.method()) {
			case EMAIL -> "Waiting for " + first.target() + " to approve" + more;
			case HTTP -> "Waiting for the validation file " + first.target() + more;
			case DNS -> "Waiting for the DNS CNAME record " + first.target() + " pointing to " + first.value() + more;
		};
	}

	private static String organisationDetail(ValidationStage stage) {
		return switch (stage) {
			case DOCUMENTS_REQUESTED -> "Waiting for the organisation's documents";
			case VERIFICATION_CALL_PENDING -> "Waiting for the verification call with the organisation";
			case UNDER_REVIEW -> "The CA is reviewing the organisation's validation";
			case DCV_PENDING -> "Waiting for domain control validation";
		};
	}

	private static String base(String name) {
		String lower = name.trim().toLowerCase(Locale.ROOT);
		return lower.startsWith("*.") ? lower.substring(2) : lower;
	}

	private static byte[] der(String pem) {
		return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
	}

	private static String hex(String algorithm, byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data)).toUpperCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is in every JDK", ex);
		}
	}

}
