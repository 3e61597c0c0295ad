package com.rvssl.gateway.adapters;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rvssl.contracts.CertificateAuthority;
import org.springframework.stereotype.Component;

/**
 * The adapter of each CA family the gateway can talk to (DigiCert-style and
 * Sectigo-style), and through it each of the CA's accounts.
 */
@Component
public class CaAdapters {

	private final Map<CertificateAuthority, CaAdapter> byCa = new EnumMap<>(CertificateAuthority.class);

	public CaAdapters(List<CaAdapter> adapters) {
		adapters.forEach(adapter -> byCa.put(adapter.ca(), adapter));
	}

	public Optional<CaAdapter> of(CertificateAuthority ca) {
		return Optional.ofNullable(byCa.get(ca));
	}

	/**
	 * The CA's adapter speaking for one of its accounts (null: the default account, to
	 * which records without an account belong).
	 */
	public Optional<CaAdapter> of(CertificateAuthority ca, String account) {
		return of(ca).map(adapter -> adapter.account(account));
	}

}
