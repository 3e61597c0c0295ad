package com.rvssl.sandbox.api.sectigo;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.rvssl.sandbox.SandboxProperties;
import com.rvssl.sandbox.authority.SigningRequest;
import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.IllegalTransitionException;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.orders.OrderStatus;
import com.rvssl.sandbox.orders.PlanEndedException;

/**
 * An order's certificate replaced over a new CSR ({@code !AutoReplaceSSL}: free within
 * the order's subscription, refused with {@code -4} after it); an order cancelled while
 * pending, or its certificate revoked ({@code !AutoRevokeSSL}: refunded within the refund
 * window after issuance).
 */
@Component
class SectigoReplaceAndRevoke implements SectigoOperations {

	private final OrderDesk desk;

	private final Duration refundWindow;

	SectigoReplaceAndRevoke(OrderDesk desk, SandboxProperties properties) {
		this.desk = desk;
		this.refundWindow = properties.sectigo().refundWindow();
	}

	@Override
	public List<SectigoOperation> operations() {
		return List.of(
				new SectigoOperation("!AutoReplaceSSL",
						Set.of("orderNumber", "csr", "dcvMethod", "dcvEmailAddress", "domainNames"), this::replace),
				new SectigoOperation("!AutoRevokeSSL", Set.of("orderNumber", "revocationReason"), this::revoke));
	}

	private SectigoReply replace(SectigoForm form) {
		long id = form.orderNumber();
		String csr = form.required("csr");
		SigningRequest.parse(csr);
		try {
			CaOrder order = this.desk.reissue(id, csr);
			return SectigoReply.code(0)
				.add("orderNumber", Long.toString(order.id()))
				.add("certificateID", Long.toString(order.certificateId()));
		}
		catch (IllegalTransitionException ex) {
			throw SectigoRefusal.invalid("orderNumber", "The order cannot be replaced: " + ex.getMessage());
		}
		catch (PlanEndedException ex) {
			throw SectigoRefusal.invalid("orderNumber", "The order's subscription has ended: " + ex.getMessage());
		}
	}

	private SectigoReply revoke(SectigoForm form) {
		long id = form.orderNumber();
		CaOrder current = this.desk.find(id);
		if (current.status() == OrderStatus.CANCELED || current.status() == OrderStatus.REVOKED) {
			throw new SectigoRefusal(-20, "orderNumber", "The order has already been cancelled!");
		}
		try {
			CaOrder done = this.desk.cancelOrRevoke(id, form.get("revocationReason"), this.refundWindow);
			return SectigoReply.code(0).add("refunded", done.refunded() ? "Y" : "N");
		}
		catch (IllegalTransitionException ex) {
			throw SectigoRefusal.invalid("orderNumber", "The order cannot be revoked: " + ex.getMessage());
		}
	}

}
