package com.rvssl.sandbox.api.sectigo;

import org.springframework.stereotype.Component;

import com.rvssl.sandbox.SandboxProperties;

/**
 * The reseller accounts' logins, one of which every call carries as {@code loginName} and
 * {@code loginPassword}: the default login ({@code sandbox.sectigo.login-name}) and any
 * more ({@code sandbox.sectigo.accounts[]}), each its own account, named by its login
 * name.
 */
@Component
class SectigoLogin {

	private final SandboxProperties.Sectigo settings;

	SectigoLogin(SandboxProperties properties) {
		this.settings = properties.sectigo();
	}

	/**
	 * The account (login name) the call's login opens. A missing name or password is
	 * {@code -3}, a wrong one {@code -16}; every login compared in constant time.
	 */
	String check(SectigoForm form) {
		String name = form.required("loginName");
		String password = form.required("loginPassword");
		return this.settings.accountOf(name, password)
			.orElseThrow(() -> new SectigoRefusal(-16, null, "Permission denied!"));
	}

}
