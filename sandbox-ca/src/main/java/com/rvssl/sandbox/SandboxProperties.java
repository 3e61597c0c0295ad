package com.rvssl.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's settings ({@code sandbox.*}).
 *
 * @param dataDir where the CA's keys and the orders are kept between restarts; none keeps
 * everything in memory
 * @param digicert the DigiCert-style API's settings
 * @param dv how domain-validated orders are approved
 * @param sectigo the Sectigo-style reseller API's settings
 * @param validation the pace of domain checks and of OV/EV steps
 * @param push how status pushes go out
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(Path dataDir, @DefaultValue Digicert digicert, @DefaultValue Dv dv,
		@DefaultValue Sectigo sectigo, @DefaultValue Validation validation, @DefaultValue Push push) {

	@ConstructorBinding
	public SandboxProperties {
	}

	/**
	 * The account an order placed through {@code api} belongs to when nobody said (orders
	 * kept from before accounts existed): the default key's ({@code default}) or the
	 * default login's name.
	 */
	public String defaultAccount(String api) {
		if ("sectigo".equals(api)) {
			return (this.sectigo != null) ? this.sectigo.loginName() : "sandbox-reseller";
		}
		return Digicert.DEFAULT_ACCOUNT;
	}

	/** Without Sectigo and validation settings: the defaults. */
	public SandboxProperties(Path dataDir, Digicert digicert, Dv dv) {
		this(dataDir, digicert, dv, new Sectigo("sandbox-reseller", "sandbox-password", Duration.ofDays(30), null),
				new Validation(Duration.ofDays(1), Duration.ofSeconds(5)), new Push(3, Duration.ofSeconds(1)));
	}

	/**
	 * A push the receiver did not take (no answer, or not a 2xx) is sent again, as the
	 * vendors do: Sectigo documents up to three retries; DigiCert retries too, its
	 * schedule unpublished, so the sandbox uses the same.
	 *
	 * @param retries how often a failed push is sent again
	 * @param firstRetryAfter the wait before the first retry, doubled before each next
	 */
	public record Push(@DefaultValue("3") int retries, @DefaultValue("PT1S") Duration firstRetryAfter) {
	}

	/**
	 * The Sectigo-style reseller API's logins: the default one and any number more
	 * ({@code accounts}), each its own reseller account, named by its login name, with
	 * its own orders and push URL.
	 *
	 * @param loginName the {@code loginName} of the default account
	 * @param loginPassword its {@code loginPassword}
	 * @param refundWindow how long after issuance a revoked certificate is still refunded
	 * @param pushUrl where the default account's status pushes go (none: no pushes)
	 * @param accounts more logins, each its own account
	 */
	public record Sectigo(@DefaultValue("sandbox-reseller") String loginName,
			@DefaultValue("sandbox-password") String loginPassword, @DefaultValue("P30D") Duration refundWindow,
			String pushUrl, List<SectigoAccount> accounts) {

		@ConstructorBinding
		public Sectigo {
			accounts = (accounts != null) ? List.copyOf(accounts) : List.of();
			Set<String> names = new HashSet<>();
			names.add(loginName);
			for (int i = 0; i < accounts.size(); i++) {
				SectigoAccount account = accounts.get(i);
				String property = "sandbox.sectigo.accounts[" + i + "]";
				if (isBlank(account.loginName()) || isBlank(account.loginPassword())) {
					throw new IllegalArgumentException(property + " needs a login-name and a login-password");
				}
				if (!names.add(account.loginName())) {
					throw new IllegalArgumentException(
							property + ".login-name " + account.loginName() + " is used by another account");
				}
			}
		}

		/** The default login alone. */
		public Sectigo(String loginName, String loginPassword, Duration refundWindow, String pushUrl) {
			this(loginName, loginPassword, refundWindow, pushUrl, List.of());
		}

		/**
		 * The account (login name) of this login and password; empty when no login
		 * matches. Every login is compared, each in constant time.
		 */
		public Optional<String> accountOf(String name, String password) {
			String found = matches(this.loginName, this.loginPassword, name, password) ? this.loginName : null;
			for (SectigoAccount account : this.accounts) {
				if (matches(account.loginName(), account.loginPassword(), name, password)) {
					found = account.loginName();
				}
			}
			return Optional.ofNullable(found);
		}

		private static boolean matches(String name, String password, String givenName, String givenPassword) {
			boolean nameOk = MessageDigest.isEqual(bytes(givenName), bytes(name));
			boolean passwordOk = MessageDigest.isEqual(bytes(givenPassword), bytes(password));
			return nameOk & passwordOk;
		}

	}

	/**
	 * One more Sectigo reseller login.
	 *
	 * @param loginName its {@code loginName}, also the account's name
	 * @param loginPassword its {@code loginPassword}
	 * @param pushUrl where its orders' status pushes go (none: no pushes, unless set
	 * through the admin API)
	 */
	public record SectigoAccount(String loginName, String loginPassword, String pushUrl) {
	}

	/**
	 * @param ovStepAfter how long, on the sandbox's clock, each OV/EV step takes by
	 * itself (documents, call, review); the admin API moves an order on sooner
	 * @param checkInterval how often pending HTTP and DNS validations are checked without
	 * being asked
	 */
	public record Validation(@DefaultValue("P1D") Duration ovStepAfter, @DefaultValue("PT5S") Duration checkInterval) {
	}

	/**
	 * The DigiCert-style API's keys: the default one (account {@code default}) and any
	 * number more ({@code accounts}), each its own account with its own request limits,
	 * orders and webhooks.
	 *
	 * @param apiKey the value {@code X-DC-DEVKEY} carries for the default account
	 * @param limits the request limits per key
	 * @param accounts more keys, each its own account
	 */
	public record Digicert(@DefaultValue("sandbox-devkey") String apiKey, @DefaultValue Limits limits,
			List<DigicertAccount> accounts) {

		/** The name of the account of {@code api-key}. */
		public static final String DEFAULT_ACCOUNT = "default";

		@ConstructorBinding
		public Digicert {
			accounts = (accounts != null) ? List.copyOf(accounts) : List.of();
			Set<String> names = new HashSet<>(Set.of(DEFAULT_ACCOUNT));
			Set<String> keys = new HashSet<>();
			keys.add(apiKey);
			for (int i = 0; i < accounts.size(); i++) {
				DigicertAccount account = accounts.get(i);
				String property = "sandbox.digicert.accounts[" + i + "]";
				if (isBlank(account.name()) || isBlank(account.apiKey())) {
					throw new IllegalArgumentException(property + " needs a name and an api-key");
				}
				if (!names.add(account.name())) {
					throw new IllegalArgumentException(property + ".name " + account.name()
							+ " is taken (by another account, or 'default' by api-key)");
				}
				if (!keys.add(account.apiKey())) {
					throw new IllegalArgumentException(property + ".api-key is the key of another account");
				}
			}
		}

		/** The default key alone. */
		public Digicert(String apiKey, Limits limits) {
			this(apiKey, limits, List.of());
		}

		/**
		 * The account of this {@code X-DC-DEVKEY} value; empty when no key matches. Every
		 * key is compared, each in constant time.
		 */
		public Optional<String> accountOf(String key) {
			String found = MessageDigest.isEqual(bytes(key), bytes(this.apiKey)) ? DEFAULT_ACCOUNT : null;
			for (DigicertAccount account : this.accounts) {
				if (MessageDigest.isEqual(bytes(key), bytes(account.apiKey()))) {
					found = account.name();
				}
			}
			return Optional.ofNullable(found);
		}

	}

	/**
	 * One more DigiCert-style key.
	 *
	 * @param name the account's name (what the admin API shows on its orders)
	 * @param apiKey the value {@code X-DC-DEVKEY} carries for it
	 */
	public record DigicertAccount(String name, String apiKey) {
	}

	/**
	 * DigiCert's published limits: 100 requests per 5 seconds and 1000 per 5 minutes per
	 * key.
	 */
	public record Limits(@DefaultValue("100") int shortWindowRequests, @DefaultValue("PT5S") Duration shortWindow,
			@DefaultValue("1000") int longWindowRequests, @DefaultValue("PT5M") Duration longWindow) {
	}

	/**
	 * @param autoApprove whether DV orders are approved without anyone's help
	 * @param approveAfter how long after submission a DV order counts as validated
	 */
	public record Dv(@DefaultValue("true") boolean autoApprove, @DefaultValue("PT3S") Duration approveAfter) {
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static byte[] bytes(String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

}
