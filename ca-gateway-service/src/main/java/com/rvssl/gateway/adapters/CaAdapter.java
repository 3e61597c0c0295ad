package com.rvssl.gateway.adapters;

import java.util.List;
import java.util.Map;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One CA API family, through one of the CA's accounts (API keys, reseller logins): the
 * adapter a component gets speaks for the CA's default account, {@link #account} for any
 * other. Every method fails with {@link CaUnavailable} when the CA could not be asked or
 * its answer is unknown, and {@link CaRefusal} when the CA answered no.
 */
public interface CaAdapter {

	CertificateAuthority ca();

	/**
	 * The names of the CA's accounts, the default account first. By default the one
	 * account, {@link CaAccount#DEFAULT}.
	 */
	default List<String> accounts() {
		return List.of(CaAccount.DEFAULT);
	}

	/**
	 * The CA through the named account; null names the default account (records kept from
	 * before accounts existed). An account no longer configured answers every call with
	 * {@link CaUnavailable} (the order's calls wait for the configuration to have it
	 * again: no other account knows the order). By default the one account, this.
	 */
	default CaAdapter account(String name) {
		return this;
	}

	/**
	 * {@link #account} over a CA's adapters by account name, the default account first.
	 */
	static CaAdapter account(Map<String, ? extends CaAdapter> byName, CertificateAuthority ca, String name) {
		if (name == null) {
			return byName.values().iterator().next();
		}
		CaAdapter named = byName.get(name);
		return (named != null) ? named : new UnconfiguredCaAccount(ca, name, List.copyOf(byName.keySet()));
	}

	/**
	 * The account a new order with this reference (our order id) is placed with: a stable
	 * hash of the reference over {@link #accounts()} ({@link CaAccount#choose}).
	 */
	default String accountFor(String reference) {
		return CaAccount.choose(reference, accounts());
	}

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
	 * Every live (not cancelled) CA order with this reference, for the search after the
	 * window in which a call cut short could still make one (see the submission's
	 * LateCaOrders). By default the one {@link #findByReference} finds.
	 */
	default Flux<String> findAllByReference(String reference) {
		return findByReference(reference).flux();
	}

	/**
	 * The CA's order of this request's reference, for a caller that must know whether the
	 * CA has one (to cancel it) after calls whose outcome it does not know; empty when
	 * there is none. By default a search ({@link #findByReference}); a CA that cannot
	 * search by reference orders again with the same reference instead, which names the
	 * order already made, or makes it now for the caller to cancel.
	 */
	default Mono<String> settleReference(CaOrderRequest request) {
		return findByReference(request.reference());
	}

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
