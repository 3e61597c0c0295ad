package com.rvssl.gateway.adapters.sectigo;

import java.util.List;

import com.rvssl.gateway.adapters.CaAccount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Sectigo-style reseller API is and the logins it wants
 * ({@code rvssl.ca.sectigo.*}): either one login ({@code login-name},
 * {@code login-password}, the account {@code default}), or a list of accounts
 * ({@code accounts[]}, each {@code name}, {@code login-name} and {@code login-password},
 * such as further reseller logins), the first of which is the default account (it holds
 * the orders placed before the list was given, so list the login used so far first). With
 * a list, {@code login-name} and {@code login-password} are not used. Checked at
 * start-up: every account has a name (letters, digits, '-', '_'), no two the same, and a
 * login name and password.
 */
@ConfigurationProperties("rvssl.ca.sectigo")
public record SectigoProperties(@DefaultValue("http://localhost:8090") String baseUrl,
		@DefaultValue("sandbox-reseller") String loginName, @DefaultValue("sandbox-password") String loginPassword,
		List<Account> accounts) {

	@ConstructorBinding
	public SectigoProperties {
		accounts = (accounts != null) ? List.copyOf(accounts) : List.of();
		CaAccount.validateNames("rvssl.ca.sectigo.accounts", accounts.stream().map(Account::name).toList());
		for (int i = 0; i < accounts.size(); i++) {
			Account account = accounts.get(i);
			if (account.loginName() == null || account.loginName().isBlank() || account.loginPassword() == null
					|| account.loginPassword().isBlank()) {
				throw new IllegalArgumentException("rvssl.ca.sectigo.accounts[" + i
						+ "] needs a login-name and a login-password (account " + account.name() + ")");
			}
		}
	}

	/** One login, the account {@code default}. */
	public SectigoProperties(String baseUrl, String loginName, String loginPassword) {
		this(baseUrl, loginName, loginPassword, List.of());
	}

	/** The accounts the gateway uses, the default first. */
	List<Account> inUse() {
		if (accounts.isEmpty()) {
			return List.of(new Account(CaAccount.DEFAULT, loginName, loginPassword));
		}
		return accounts;
	}

	/**
	 * One Sectigo reseller login.
	 *
	 * @param name its name in metrics, logs and the submission records
	 * @param loginName its {@code loginName}
	 * @param loginPassword its {@code loginPassword}
	 */
	public record Account(String name, String loginName, String loginPassword) {

		/** Without the password, which logs must not show. */
		@Override
		public String toString() {
			return "Account[name=" + name + ", loginName=" + loginName + "]";
		}

	}

}
