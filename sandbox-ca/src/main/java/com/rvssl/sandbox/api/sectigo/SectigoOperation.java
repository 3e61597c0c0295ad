package com.rvssl.sandbox.api.sectigo;

import java.util.Set;
import java.util.function.Function;

/**
 * One operation of the reseller API.
 *
 * @param name its path under {@code /products/}, such as {@code !AutoApplySSL}
 * @param arguments the arguments it takes besides the login and the common ones
 * @param work what it does with a call whose arguments and login were accepted
 */
record SectigoOperation(String name, Set<String> arguments, Function<SectigoForm, SectigoReply> work) {

	/** The arguments every operation takes. */
	private static final Set<String> COMMON = Set.of("loginName", "loginPassword", "responseFormat", "test");

	/**
	 * Each operation accepts only its own arguments: any other is refused with
	 * {@code -2}.
	 */
	void checkArguments(SectigoForm form) {
		for (String name : form.names()) {
			if (!COMMON.contains(name) && !this.arguments.contains(name)) {
				throw new SectigoRefusal(-2, name, "The '" + name + "' argument is not recognised!");
			}
		}
	}

	SectigoReply run(SectigoForm form) {
		return this.work.apply(form);
	}

}
