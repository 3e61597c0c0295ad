package com.rvssl.gateway.adapters.digicert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvInstruction;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.ValidationStage;
import com.rvssl.gateway.adapters.CaOrderStatus;
import com.rvssl.gateway.adapters.CaOrderStatus.State;
import tools.jackson.databind.JsonNode;

/**
 * DigiCert's order statuses in our words, with the sentence a reseller would want to
 * read.
 */
final class DigicertStatus {

	private DigicertStatus() {
	}

	/**
	 * The status of an order-info reply, with the stage and what each domain must show:
	 * the stage from {@code validation_step} when the CA says it (the sandbox does), else
	 * DCV pending while a domain's {@code dcv_status} is pending; the instructions from
	 * {@code dcv_method} and {@code dcv_random_value} (DigiCert's file
	 * {@code fileauth.txt}, TXT {@code _dnsauth.<domain>}, or CNAME
	 * {@code <random>.<domain>} to {@code dcv.digicert.com}).
	 */
	static CaOrderStatus of(JsonNode order, Dcv dcv) {
		String commonName = order.path("certificate").path("common_name").asString(null);
		CaOrderStatus base = of(order.path("status").asString(null), order.path("rejection_reason").asString(null),
				commonName, dcv);
		if (base.state() != State.PENDING_VALIDATION) {
			return base;
		}
		List<String> awaiting = new ArrayList<>();
		for (JsonNode domain : order.path("domains")) {
			if ("pending".equals(domain.path("dcv_status").asString(null))) {
				awaiting.add(domain.path("name").asString());
			}
		}
		ValidationStage stage = stage(order.path("validation_step").asString(null), !awaiting.isEmpty());
		if (stage == null) {
			return base;
		}
		if (stage != ValidationStage.DCV_PENDING) {
			return new CaOrderStatus(base.state(), base.caStatus(), organisationDetail(stage), stage, List.of());
		}
		List<DcvInstruction> instructions = instructions(order.path("dcv_method").asString("email"),
				order.path("dcv_random_value").asString(null), awaiting.isEmpty() ? names(order) : awaiting, dcv);
		String detail = instructions.isEmpty() ? base.detail() : dcvDetail(instructions);
		return new CaOrderStatus(base.state(), base.caStatus(), detail, stage, instructions);
	}

	static ValidationStage stage(String step, boolean domainPending) {
		if (step == null) {
			return domainPending ? ValidationStage.DCV_PENDING : null;
		}
		return switch (step) {
			case "domain_control" -> ValidationStage.DCV_PENDING;
			case "documents_requested" -> ValidationStage.DOCUMENTS_REQUESTED;
			case "verification_call_pending" -> ValidationStage.VERIFICATION_CALL_PENDING;
			case "under_review" -> ValidationStage.UNDER_REVIEW;
			default -> domainPending ? ValidationStage.DCV_PENDING : null;
		};
	}

	static List<DcvInstruction> instructions(String method, String randomValue, List<String> names, Dcv dcv) {
		Set<String> domains = new LinkedHashSet<>();
		names.forEach(name -> domains.add(base(name)));
		List<DcvInstruction> instructions = new ArrayList<>();
		for (String domain : domains) {
			DcvInstruction instruction = switch (method) {
				case "http-token" -> (randomValue == null) ? null : new DcvInstruction(DcvMethod.HTTP, domain,
						"http://" + domain + "/.well-known/pki-validation/fileauth.txt", randomValue);
				case "dns-txt-token" -> (randomValue == null) ? null
						: new DcvInstruction(DcvMethod.DNS, domain, "_dnsauth." + domain, randomValue);
				case "dns-cname-token" -> (randomValue == null) ? null
						: new DcvInstruction(DcvMethod.DNS, domain, randomValue + "." + domain, "dcv.digicert.com");
				default -> new DcvInstruction(DcvMethod.EMAIL, domain,
						(dcv != null && dcv.approverEmail() != null) ? dcv.approverEmail() : "admin@" + domain, null);
			};
			if (instruction != null) {
				instructions.add(instruction);
			}
		}
		return instructions;
	}

	/** One sentence for the first domain's instruction (the others read alike). */
	static String dcvDetail(List<DcvInstruction> instructions) {
		DcvInstruction first = instructions.get(0);
		// one approver for every domain (the usual email case) needs no "likewise"
		boolean same = instructions.stream()
			.allMatch(other -> java.util.Objects.equals(other.target(), first.target()));
		String more = (instructions.size() > 1 && !same) ? " (and likewise for " + (instructions.size() - 1)
				+ " more domain" + ((instructions.size() > 2) ? "s" : "") + ")" : "";
		return switch (first.method()) {
			case EMAIL -> "Waiting for " + first.target() + " to approve" + more;
			case HTTP -> "Waiting for the file " + first.target() + " to contain " + first.value() + more;
			case DNS -> "Waiting for the DNS record " + first.target() + " with " + first.value() + more;
		};
	}

	static String organisationDetail(ValidationStage stage) {
		return switch (stage) {
			case DOCUMENTS_REQUESTED -> "Waiting for the organisation's documents";
			case VERIFICATION_CALL_PENDING -> "Waiting for the verification call with the organisation";
			case UNDER_REVIEW -> "The CA is reviewing the organisation's validation";
			case DCV_PENDING -> "Waiting for domain control validation";
		};
	}

	private static List<String> names(JsonNode order) {
		List<String> names = new ArrayList<>();
		order.path("certificate").path("dns_names").forEach(name -> names.add(name.asString()));
		if (names.isEmpty() && order.path("certificate").path("common_name").isString()) {
			names.add(order.path("certificate").path("common_name").asString());
		}
		return names;
	}

	private static String base(String name) {
		String lower = name.trim().toLowerCase(Locale.ROOT);
		return lower.startsWith("*.") ? lower.substring(2) : lower;
	}

	static CaOrderStatus of(String caStatus, String rejectionReason, String commonName, Dcv dcv) {
		String status = (caStatus != null) ? caStatus : "unknown";
		return switch (status) {
			case "needs_approval", "pending" ->
				new CaOrderStatus(State.PENDING_VALIDATION, status, awaitedValidation(commonName, dcv));
			case "waiting_pickup" ->
				new CaOrderStatus(State.PENDING_VALIDATION, status, "Validated; the CA is issuing the certificate");
			case "reissue_pending" -> new CaOrderStatus(State.PENDING_VALIDATION, status, "Reissue pending at the CA");
			case "issued" -> new CaOrderStatus(State.ISSUED, status, "Issued");
			case "rejected" -> new CaOrderStatus(State.REJECTED, status,
					(rejectionReason != null && !rejectionReason.isBlank()) ? rejectionReason : "Rejected by the CA");
			case "canceled" -> new CaOrderStatus(State.CANCELLED, status, "Cancelled at the CA");
			case "revoked" -> new CaOrderStatus(State.CANCELLED, status, "Revoked by the CA");
			case "expired" -> new CaOrderStatus(State.CANCELLED, status, "Expired");
			// An unknown word is not a final state: keep polling rather than close the
			// order.
			default -> new CaOrderStatus(State.PENDING_VALIDATION, status, "CA status " + status);
		};
	}

	private static String awaitedValidation(String commonName, Dcv dcv) {
		String domain = (commonName != null) ? commonName : "the domain";
		if (dcv == null) {
			return "Waiting for domain control validation of " + domain;
		}
		if (dcv.method() == DcvMethod.EMAIL && dcv.approverEmail() != null) {
			return "Waiting for " + dcv.approverEmail() + " to approve";
		}
		return switch (dcv.method()) {
			case HTTP -> "Waiting for the validation file on http://" + domain + "/.well-known/pki-validation/";
			case DNS -> "Waiting for the DNS TXT record on " + domain;
			case EMAIL -> "Waiting for the approval email on " + domain + " to be confirmed";
		};
	}

}
