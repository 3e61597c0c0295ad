package com.rvssl.order.orders;

import java.util.List;

import com.rvssl.contracts.Customer;
import com.rvssl.order.catalog.Price;
import com.rvssl.order.catalog.Product;

/**
 * A checked request for a new order. {@code configuration} is null when WHMCS creates the order
 * before the customer has configured it.
 */
public record OrderDraft(Product product, Price price, List<String> domains, String whmcsServiceId,
		Customer customer, Configuration configuration) {

	public OrderDraft {
		domains = List.copyOf(domains);
	}

}
