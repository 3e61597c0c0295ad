package com.rvssl.gateway.adapters;

import java.util.List;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import reactor.core.publisher.Mono;

/**
 * One CA API family. Every method fails with {@link CaUnavailable} when the CA could not
 * be asked or its answer is unknown, and {@link CaRefusal} when the CA answered no.
 */
public interface CaAdapter {

	CertificateAuthority ca();

	/**
	 * Places the order; the CA's order id. The request's reference is stored at the CA so
	 * {@link #findByReference} finds it.
	 */
	Mono<String> place(CaOrderRequest request);

	/**
	 * The CA's id of an order placed earlier with this reference (our order id), or
	 * empty.
	 */
	Mono<String> findByReference(String reference);

	/**
	 * The CA's view of the order now, in our words and the CA's, with its validation
	 * stage and DCV instructions.
	 */
	Mono<CaOrderStatus> status(CaOrderQuery query);

	/**
	 * The status knowing only the CA's order id and the DCV choice (no tokens computed
	 * from the CSR).
	 */
	default Mono<CaOrderStatus> status(String caOrderId, Dcv dcv) {
		return status(CaOrderQuery.of(caOrderId, dcv));
	}

	/**
	 * The issued certificate: leaf, intermediates and root in PEM; {@link CaRefusal}
	 * while not issued.
	 */
	Mono<String> downloadPemChain(String caOrderId);

	/** Cancels the order at the CA (or revokes it, within the CA's refund window). */
	Mono<Void> cancel(String caOrderId, String note);

	/**
	 * Reissues the order over a new CSR for the same names; the old certificate stays
	 * valid.
	 */
	Mono<Void> reissue(String caOrderId, String csr, List<String> domains);

	/**
	 * Asks the CA to send the domain-control approval email again (to this address, when
	 * the CA allows).
	 */
	Mono<Void> resendDcvEmail(String caOrderId, String approverEmail);

	/**
	 * Validates domain control by another method from now on (email: to
	 * {@code dcv.approverEmail()}).
	 */
	Mono<Void> changeDcvMethod(String caOrderId, Dcv dcv);

}
