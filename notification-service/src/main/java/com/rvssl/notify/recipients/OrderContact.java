package com.rvssl.notify.recipients;

import java.time.Instant;
import java.util.List;

import com.rvssl.contracts.DcvMethod;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an email about an order needs to know, remembered from its {@code OrderPlaced}:
 * later events of the order carry no customer, nor how the customer chose to prove
 * control of the domain. Keyed by order id, so a redelivered OrderPlaced rewrites the
 * same document.
 */
@Document("order_contacts")
public record OrderContact(@Id String orderId, String resellerId, String customerName, String customerEmail,
		List<String> domains, String productCode, Instant placedAt, DcvMethod dcvMethod, String approverEmail) {

	public OrderContact {
		domains = (domains != null) ? List.copyOf(domains) : List.of();
	}

	/** The domain a subject line names: the first (common name) of the order. */
	public String mainDomain() {
		return domains.isEmpty() ? "your order" : domains.get(0);
	}

}
