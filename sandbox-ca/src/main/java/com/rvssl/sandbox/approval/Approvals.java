package com.rvssl.sandbox.approval;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.OrderDesk;
import com.rvssl.sandbox.orders.OrderStatus;
import com.rvssl.sandbox.validation.DcvProof;

/**
 * What an approver does with a mailed link: looks at it, then approves its domain. Once
 * every domain of the order that is validated by email is approved, the order is issued.
 */
@Component
public class Approvals {

	private static final Logger log = LoggerFactory.getLogger(Approvals.class);

	private final ApprovalLinks links;

	private final OrderDesk desk;

	Approvals(ApprovalLinks links, OrderDesk desk) {
		this.links = links;
		this.desk = desk;
	}

	/** The link still open under this token. */
	public Optional<ApprovalLink> open(String token) {
		return this.links.find(token);
	}

	public boolean wasUsed(String token) {
		return this.links.wasUsed(token);
	}

	/**
	 * Uses the link up (only one caller wins) and approves its domain; empty if it was
	 * not open.
	 */
	public Optional<ApprovalLink> approve(String token) {
		return this.links.use(token).map((link) -> {
			issueIfAllApproved(link);
			return link;
		});
	}

	private void issueIfAllApproved(ApprovalLink link) {
		log.info("Domain {} of order {} approved by {}", link.domain(), link.orderId(), link.approver());
		CaOrder order = this.desk.find(link.orderId());
		if (order.status() != OrderStatus.PENDING) {
			return;
		}
		Set<String> needed = this.desk.proofs(order)
			.stream()
			.filter((proof) -> DcvProof.EMAIL.equals(proof.method()))
			.map(DcvProof::domain)
			.collect(Collectors.toSet());
		if (this.links.approvedDomains(order.id()).containsAll(needed)) {
			try {
				this.desk.approve(order.id());
			}
			catch (RuntimeException ex) {
				// issued or canceled meanwhile (auto-approval, the admin API): nothing
				// left to do
				log.info("Order {} not issued by its approval: {}", order.id(), ex.toString());
			}
		}
	}

}
