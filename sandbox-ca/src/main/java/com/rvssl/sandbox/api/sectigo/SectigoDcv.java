package com.rvssl.sandbox.api.sectigo;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.IllegalTransitionException;
import com.rvssl.sandbox.orders.OrderDesk;

/**
 * Domain control validation: the addresses an approval email may go to
 * ({@code !GetDCVEmailAddressList}), the approval email again ({@code !ResendDCVEmail})
 * and another method for a pending order ({@code !AutoUpdateDCV}).
 */
@Component
class SectigoDcv implements SectigoOperations {

	/** The DCV methods an order may use. */
	static final Set<String> METHODS = Set.of("EMAIL", "HTTP_CSR_HASH", "HTTPS_CSR_HASH", "CNAME_CSR_HASH");

	private final OrderDesk desk;

	SectigoDcv(OrderDesk desk) {
		this.desk = desk;
	}

	@Override
	public List<SectigoOperation> operations() {
		return List.of(
				new SectigoOperation("!ResendDCVEmail", Set.of("orderNumber", "dcvEmailAddress", "domainName"),
						this::resend),
				new SectigoOperation("!AutoUpdateDCV",
						Set.of("orderNumber", "domainName", "newMethod", "newDCVEmailAddress"), this::updateDcv),
				new SectigoOperation("!GetDCVEmailAddressList", Set.of("domainName"),
						(form) -> emailAddresses(form.required("domainName"))));
	}

	/**
	 * Another DCV method (and approver) for a pending order; {@code domainName}, when
	 * given, must be one of its names.
	 */
	private SectigoReply updateDcv(SectigoForm form) {
		long id = form.orderNumber();
		String method = form.required("newMethod");
		if (!METHODS.contains(method)) {
			throw SectigoRefusal.invalid("newMethod", "Use one of " + METHODS + ".");
		}
		String approver = form.get("newDCVEmailAddress");
		if (method.equals("EMAIL") && (approver == null || approver.isBlank())) {
			throw SectigoRefusal.missing("newDCVEmailAddress");
		}
		CaOrder current = this.desk.find(id);
		String domain = form.get("domainName");
		if (domain != null && !domain.isBlank()
				&& current.dnsNames().stream().noneMatch((name) -> name.equalsIgnoreCase(domain.trim()))) {
			throw SectigoRefusal.invalid("domainName", "The order does not cover that domain.");
		}
		try {
			this.desk.changeDcvMethod(id, method, method.equals("EMAIL") ? List.of(approver) : null);
		}
		catch (IllegalTransitionException ex) {
			throw SectigoRefusal.invalid("orderNumber", "The order is not awaiting validation.");
		}
		return SectigoReply.code(0);
	}

	private SectigoReply resend(SectigoForm form) {
		long id = form.orderNumber();
		try {
			this.desk.resendDcvEmail(id);
		}
		catch (IllegalTransitionException ex) {
			throw SectigoRefusal.invalid("orderNumber", "The order is not awaiting validation.");
		}
		return SectigoReply.code(0);
	}

	/**
	 * The addresses an approval email may go to: WHOIS (none here) and the five level-2
	 * ones.
	 */
	private static SectigoReply emailAddresses(String domain) {
		String base = domain.toLowerCase(Locale.ROOT).replaceFirst("^\\*\\.", "").replaceFirst("^www\\.", "");
		if (!base.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
			throw SectigoRefusal.invalid("domainName", "Not a domain name.");
		}
		SectigoReply reply = SectigoReply.code(0).line("whois_email\tnone");
		Stream.of("admin", "administrator", "hostmaster", "postmaster", "webmaster")
			.forEach((box) -> reply.line("level2_email\t" + box + "@" + base));
		return reply;
	}

}
