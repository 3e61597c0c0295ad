package com.rvssl.sandbox.api.sectigo;

/** A call refused with one of the API's negative error codes. */
class SectigoRefusal extends RuntimeException {

	private final int errorCode;

	private final String errorItem;

	private final transient SectigoReply reply;

	SectigoRefusal(int errorCode, String errorItem, String message) {
		this(errorCode, errorItem, message, null);
	}

	SectigoRefusal(int errorCode, String errorItem, String message, SectigoReply reply) {
		super(message);
		this.errorCode = errorCode;
		this.errorItem = errorItem;
		this.reply = reply;
	}

	SectigoReply reply() {
		return (this.reply != null) ? this.reply : SectigoReply.error(this.errorCode, this.errorItem, getMessage());
	}

	static SectigoRefusal missing(String argument) {
		return new SectigoRefusal(-3, argument, "The '" + argument + "' argument is missing!");
	}

	static SectigoRefusal invalid(String argument, String why) {
		return new SectigoRefusal(-4, argument, "The value of the '" + argument + "' argument is invalid! " + why);
	}

}
