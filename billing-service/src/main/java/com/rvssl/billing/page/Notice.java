package com.rvssl.billing.page;

import java.util.Map;

/**
 * A message shown at the top of a page, chosen by a fixed code in the address: the page
 * never repeats what was typed or sent, it says what happened in words a reseller
 * understands.
 *
 * @param error whether it reports a refusal (shown as an alert) rather than a success
 */
public record Notice(String text, boolean error) {

	static Notice forSignIn(Map<String, String> params) {
		if ("key".equals(params.get("error"))) {
			return new Notice("That API key was not recognised. Check that you copied all of it, and try again.", true);
		}
		if ("form".equals(params.get("error"))) {
			return new Notice("The sign-in form had expired. Please enter your API key again.", true);
		}
		if (params.containsKey("expired")) {
			return new Notice("Your session has ended, so you were signed out. Please sign in again.", true);
		}
		if (params.containsKey("signed-out")) {
			return new Notice("You are signed out.", false);
		}
		return null;
	}

	static Notice tooManySignIns(long retryAfterSeconds) {
		long minutes = (retryAfterSeconds + 59) / 60;
		String wait = (retryAfterSeconds < 60) ? retryAfterSeconds + " seconds"
				: (minutes == 1) ? "a minute" : minutes + " minutes";
		return new Notice("Too many sign-in attempts from your network. Nothing was checked: please wait " + wait
				+ " and try again.", true);
	}

	static Notice forAccount(Map<String, String> params) {
		if ("form".equals(params.get("refused"))) {
			return new Notice("That form could not be accepted: it had expired or did not come from this page. "
					+ "Nothing was changed. Please try again.", true);
		}
		String problem = params.get("problem");
		if ("amount".equals(problem)) {
			return new Notice("The top-up was refused: enter an amount greater than zero, such as 25 or 25.50. "
					+ "No payment was started.", true);
		}
		if ("reference".equals(problem)) {
			return new Notice(
					"The top-up was refused: the reference can be at most 200 characters. " + "No payment was started.",
					true);
		}
		if ("key-reused".equals(problem)) {
			return new Notice("The top-up was refused: this form was already sent with a different amount or "
					+ "reference, and only the first one counts. Use the new form below.", true);
		}
		if ("provider".equals(problem)) {
			return new Notice("The payment could not be started: the payment service did not answer. "
					+ "Nothing was charged and no credit was added. Please try again in a moment.", true);
		}
		if ("threshold".equals(problem)) {
			return new Notice("The low-credit threshold was not saved: enter zero or more, such as 50 or 50.00.", true);
		}
		if (params.containsKey("topUp")) {
			return new Notice("That form was already used: its top-up is listed below with its status.", false);
		}
		if ("threshold".equals(params.get("saved"))) {
			return new Notice("Your low-credit threshold is saved.", false);
		}
		return null;
	}

}
