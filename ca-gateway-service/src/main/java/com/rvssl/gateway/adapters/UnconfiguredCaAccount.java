package com.rvssl.gateway.adapters;

import java.util.List;
import java.util.Locale;

import com.rvssl.contracts.CertificateAuthority;
import com.rvssl.contracts.Dcv;
import reactor.core.publisher.Mono;

/**
 * A CA account a submission record names that the configuration no longer has: every call
 * fails with {@link CaUnavailable} saying so, and is tried again later like any other
 * unavailable call, until the account is configured again. No other account may stand in:
 * it does not know the order.
 */
public final class UnconfiguredCaAccount implements CaAdapter {

	private final CertificateAuthority ca;

	private final String account;

	private final List<String> accounts;

	public UnconfiguredCaAccount(CertificateAuthority ca, String account, List<String> accounts) {
		this.ca = ca;
		this.account = account;
		this.accounts = List.copyOf(accounts);
	}

	@Override
	public CertificateAuthority ca() {
		return ca;
	}

	@Override
	public List<String> accounts() {
		return accounts;
	}

	@Override
	public Mono<String> place(CaOrderRequest request) {
		return unavailable();
	}

	@Override
	public Mono<String> findByReference(String reference) {
		return unavailable();
	}

	@Override
	public Mono<String> settleReference(CaOrderRequest request) {
		return unavailable();
	}

	@Override
	public Mono<CaOrderStatus> status(CaOrderQuery query) {
		return unavailable();
	}

	@Override
	public Mono<String> downloadPemChain(String caOrderId) {
		return unavailable();
	}

	@Override
	public Mono<Void> cancel(String caOrderId, String note) {
		return unavailable();
	}

	@Override
	public Mono<Void> reissue(String caOrderId, String csr, List<String> domains) {
		return unavailable();
	}

	@Override
	public Mono<Void> resendDcvEmail(String caOrderId, String approverEmail) {
		return unavailable();
	}

	@Override
	public Mono<Void> changeDcvMethod(String caOrderId, Dcv dcv) {
		return unavailable();
	}

	private <T> Mono<T> unavailable() {
		return Mono.error(() -> new CaUnavailable("the " + ca.name().toLowerCase(Locale.ROOT) + " account '" + account
				+ "' of this order is not configured (configured: " + accounts + ")"));
	}

}
