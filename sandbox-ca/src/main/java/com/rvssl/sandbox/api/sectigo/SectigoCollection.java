package com.rvssl.sandbox.api.sectigo;

import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.rvssl.sandbox.authority.CertificateAuthority;
import com.rvssl.sandbox.authority.CertificateEncodings;
import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.orders.OrderStatus;
import com.rvssl.sandbox.orders.ValidationLevel;
import com.rvssl.sandbox.orders.ValidationStep;

/**
 * An order's status and certificate: {@code download/CollectSSL}. Asking checks the
 * order's domain control first, as the real CA checks when asked; an issued order's
 * certificate comes with the reply when {@code queryType} asks for it.
 */
@Component
class SectigoCollection implements SectigoOperations {

	private final OrderDesk desk;

	private final CertificateAuthority authority;

	SectigoCollection(OrderDesk desk, CertificateAuthority authority) {
		this.desk = desk;
		this.authority = authority;
	}

	@Override
	public List<SectigoOperation> operations() {
		return List.of(new SectigoOperation("download/CollectSSL",
				Set.of("orderNumber", "queryType", "responseType", "showExtStatus"), this::collect));
	}

	private SectigoReply collect(SectigoForm form) {
		CaOrder order = this.desk.checkDomainControl(form.orderNumber());
		int queryType = form.number("queryType", 0, 0, 3);
		int responseType = form.number("responseType", 3, 0, 5);
		boolean issued = order.status() == OrderStatus.ISSUED;
		boolean attach = issued && queryType > 0;
		SectigoReply reply = SectigoReply.code(attach ? 2 : (issued ? 1 : 0))
			.add("orderNumber", Long.toString(order.id()))
			.add("uniqueValue", order.reference())
			.add("certificateStatus", certificateStatus(order))
			.add("statusCode", Integer.toString(statusCode(order)))
			.add("validationStatus", validationStatus(order));
		if (order.rejectionReason() != null) {
			reply.add("rejectionReason", order.rejectionReason());
		}
		if ("Y".equalsIgnoreCase(form.get("showExtStatus"))) {
			extendedStatus(order, reply);
		}
		if (order.certificate() != null) {
			reply.add("serialNumber", order.certificate().serialNumber())
				.add("notBefore", Long.toString(order.certificate().notBefore().getEpochSecond()))
				.add("notAfter", Long.toString(order.certificate().notAfter().getEpochSecond()));
		}
		if (order.planEnd() != null) {
			// the end of the multi-year subscription, in the same UNIX time as notAfter
			reply.add("subscriptionNotAfter", Long.toString(order.planEnd().getEpochSecond()));
		}
		if (attach) {
			X509Certificate leaf = CertificateEncodings.readPem(order.certificate().pem());
			List<X509Certificate> chain = this.authority.chain();
			List<X509Certificate> wanted = switch (queryType) {
				case 1 -> List.of(leaf);
				case 2 -> Stream.concat(Stream.of(leaf), chain.stream()).toList();
				default -> chain;
			};
			if (responseType == 2) {
				reply.add("pkcs7", base64(CertificateEncodings.pkcs7(wanted)));
			}
			else {
				int n = 0;
				for (X509Certificate certificate : wanted) {
					if (certificate == leaf) {
						reply.add("certificate", base64(CertificateEncodings.der(certificate)));
					}
					else {
						reply.add("caCertificate" + (++n), base64(CertificateEncodings.der(certificate)));
					}
				}
			}
		}
		return reply;
	}

	/**
	 * The extended status ({@code showExtStatus=Y}): the DCV method and its state, and
	 * for OV/EV the organisation validation and the call-back's state. What to publish
	 * for HTTP or CNAME the reseller computes from its CSR, as Sectigo documents.
	 */
	private static void extendedStatus(CaOrder order, SectigoReply reply) {
		boolean pending = order.status() == OrderStatus.PENDING;
		ValidationStep step = order.step();
		reply.add("dcvMethod", (order.dcvMethod() != null) ? order.dcvMethod() : "EMAIL");
		if (!order.dcvEmails().isEmpty()) {
			reply.add("dcvEmailAddress", order.dcvEmails().get(0));
		}
		reply.add("dcvStatus",
				(pending && step == ValidationStep.DOMAIN_CONTROL) ? "Awaiting Validation" : "Validated");
		if (order.validation() == ValidationLevel.DV) {
			reply.add("organizationValidationStatus", "Not Applicable").add("ovCallBackStatus", "Not Applicable");
			return;
		}
		if (pending && step == ValidationStep.DOMAIN_CONTROL) {
			// a reissue that validates its domains again: the organisation's still holds
			reply.add("organizationValidationStatus", "Validated").add("ovCallBackStatus", "Completed");
			return;
		}
		String documents = !pending ? ((order.status() == OrderStatus.ISSUED) ? "Validated" : "Not Completed")
				: (step == ValidationStep.DOCUMENTS_REQUESTED) ? "Awaiting Documents"
						: (step == ValidationStep.UNDER_REVIEW) ? "Under Review" : "Documents Received";
		String callBack = !pending ? ((order.status() == OrderStatus.ISSUED) ? "Completed" : "Not Completed")
				: (step == ValidationStep.DOCUMENTS_REQUESTED) ? "Not Started"
						: (step == ValidationStep.VERIFICATION_CALL_PENDING) ? "Pending" : "Completed";
		reply.add("organizationValidationStatus", documents).add("ovCallBackStatus", callBack);
	}

	private static String certificateStatus(CaOrder order) {
		return switch (order.status()) {
			case PENDING -> "Awaiting Validation";
			case ISSUED -> "Issued";
			case REJECTED -> "Rejected";
			case CANCELED -> "Cancelled";
			case REVOKED -> "Revoked";
		};
	}

	/**
	 * The push codes: 2 (DV) or 12 (OV/EV) awaiting validation, 6 issued, 7 rejected, 8
	 * revoked or cancelled.
	 */
	private static int statusCode(CaOrder order) {
		return switch (order.status()) {
			case PENDING -> (order.validation() == ValidationLevel.DV) ? 2 : 12;
			case ISSUED -> 6;
			case REJECTED -> 7;
			case CANCELED, REVOKED -> 8;
		};
	}

	private static String validationStatus(CaOrder order) {
		return switch (order.status()) {
			case PENDING -> "Pending";
			case REJECTED -> "Rejected";
			case CANCELED -> "Cancelled";
			default -> "Validated";
		};
	}

	private static String base64(byte[] der) {
		return Base64.getEncoder().encodeToString(der);
	}

}
