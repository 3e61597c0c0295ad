package com.rvssl.order.orders;

import java.util.List;

import com.rvssl.contracts.Customer;
import com.rvssl.contracts.Money;
import com.rvssl.order.catalog.Price;
import com.rvssl.order.catalog.Product;

/**
 * A checked request for a new order. {@code configuration} is null when WHMCS creates the
 * order before the customer has configured it. {@code retail} is what the reseller
 * charges: their own override, or the recommended price.
 */
public record OrderDraft(Product product, Price price, List<String> domains, String whmcsServiceId, Customer customer,
		Configuration configuration, Money retail) {

	public OrderDraft {
		domains = List.copyOf(domains);
		retail = (retail != null) ? retail : price.recommendedRetail();
	}

	/** A draft at the recommended retail price. */
	public OrderDraft(Product product, Price price, List<String> domains, String whmcsServiceId, Customer customer,
			Configuration configuration) {
		this(product, price, domains, whmcsServiceId, customer, configuration, null);
	}

}
