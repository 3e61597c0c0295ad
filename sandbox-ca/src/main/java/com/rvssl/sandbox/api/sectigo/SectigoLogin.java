package com.rvssl.sandbox.api.sectigo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.stereotype.Component;

import com.rvssl.sandbox.SandboxProperties;

/**
 * The reseller account's login, which every call carries as {@code loginName} and
 * {@code loginPassword}.
 */
@Component
class SectigoLogin {

	private final SandboxProperties.Sectigo settings;

	SectigoLogin(SandboxProperties properties) {
		this.settings = properties.sectigo();
	}

	/**
	 * A missing name or password is {@code -3}, a wrong one {@code -16}; both compared in
	 * constant time.
	 */
	void check(SectigoForm form) {
		String name = form.required("loginName");
		String password = form.required("loginPassword");
		boolean nameOk = MessageDigest.isEqual(bytes(name), bytes(this.settings.loginName()));
		boolean passwordOk = MessageDigest.isEqual(bytes(password), bytes(this.settings.loginPassword()));
		if (!nameOk || !passwordOk) {
			throw new SectigoRefusal(-16, null, "Permission denied!");
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
