package com.rvssl.gateway.adapters.digicert;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.gateway.adapters.CaOrderStatus;
import com.rvssl.gateway.adapters.CaOrderStatus.State;

/** DigiCert's order statuses in our words, with the sentence a reseller would want to read. */
final class DigicertStatus {

	private DigicertStatus() {
	}

	static CaOrderStatus of(String caStatus, String rejectionReason, String commonName, Dcv dcv) {
		String status = (caStatus != null) ? caStatus : "unknown";
		return switch (status) {
			case "needs_approval", "pending" ->
				new CaOrderStatus(State.PENDING_VALIDATION, status, awaitedValidation(commonName, dcv));
			case "waiting_pickup" ->
				new CaOrderStatus(State.PENDING_VALIDATION, status, "Validated; the CA is issuing the certificate");
			case "reissue_pending" ->
				new CaOrderStatus(State.PENDING_VALIDATION, status, "Reissue pending at the CA");
			case "issued" -> new CaOrderStatus(State.ISSUED, status, "Issued");
			case "rejected" -> new CaOrderStatus(State.REJECTED, status,
					(rejectionReason != null && !rejectionReason.isBlank()) ? rejectionReason : "Rejected by the CA");
			case "canceled" -> new CaOrderStatus(State.CANCELLED, status, "Cancelled at the CA");
			case "revoked" -> new CaOrderStatus(State.CANCELLED, status, "Revoked by the CA");
			case "expired" -> new CaOrderStatus(State.CANCELLED, status, "Expired");
			// An unknown word is not a final state: keep polling rather than close the order.
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
