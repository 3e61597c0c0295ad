package com.rvssl.gateway.adapters.digicert;

import java.util.List;

import com.rvssl.gateway.adapters.CaAccount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the DigiCert-style API is and the keys it wants ({@code rvssl.ca.digicert.*}):
 * either one key ({@code api-key}, the account {@code default}), or a list of accounts
 * ({@code accounts[]}, each {@code name} and {@code api-key}, such as DigiCert
 * sub-accounts), the first of which is the default account (it holds the orders placed
 * before the list was given, so list the key used so far first). With a list,
 * {@code api-key} is not used. Checked at start-up: every account has a name (letters,
 * digits, '-', '_'), no two the same, and a key.
 */
@ConfigurationProperties("rvssl.ca.digicert")
public record DigicertProperties(@DefaultValue("http://localhost:8090") String baseUrl,
		@DefaultValue("sandbox-devkey") String apiKey, List<Account> accounts) {

	@ConstructorBinding
	public DigicertProperties {
		accounts = (accounts != null) ? List.copyOf(accounts) : List.of();
		CaAccount.validateNames("rvssl.ca.digicert.accounts", accounts.stream().map(Account::name).toList());
		for (int i = 0; i < accounts.size(); i++) {
			if (accounts.get(i).apiKey() == null || accounts.get(i).apiKey().isBlank()) {
				throw new IllegalArgumentException("rvssl.ca.digicert.accounts[" + i + "].api-key is blank (account "
						+ accounts.get(i).name() + ")");
			}
		}
	}

	/** One key, the account {@code default}. */
	public DigicertProperties(String baseUrl, String apiKey) {
		this(baseUrl, apiKey, List.of());
	}

	/** The accounts the gateway uses, the default first. */
	List<Account> inUse() {
		if (accounts.isEmpty()) {
			return List.of(new Account(CaAccount.DEFAULT, apiKey));
		}
		return accounts;
	}

	/**
	 * One DigiCert account.
	 *
	 * @param name its name in metrics, logs and the submission records
	 * @param apiKey its {@code X-DC-DEVKEY}
	 */
	public record Account(String name, String apiKey) {

		/** Without the key, which logs must not show. */
		@Override
		public String toString() {
			return "Account[name=" + name + "]";
		}

	}

}
