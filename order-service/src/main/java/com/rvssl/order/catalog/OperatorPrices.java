package com.rvssl.order.catalog;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An operator's price change for one product, laid over the versioned catalog file: the
 * file stays the reviewed base (products, terms, CA codes), the operator moves prices
 * between file versions. Only the terms listed here change; {@code catalogVersion} says
 * which file they were set against.
 */
@Document("catalog_price_changes")
public record OperatorPrices(@Id String productCode, List<Price> prices, int catalogVersion, Instant changedAt) {

	public OperatorPrices {
		prices = List.copyOf(prices);
	}

}
