package com.rvssl.order.pricing;

import java.time.Instant;

import com.rvssl.contracts.Money;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one reseller charges for one product and term instead of the recommended retail
 * price.
 */
@Document("retail_price_overrides")
public record RetailOverride(@Id String id, String resellerId, String productCode, int termMonths, Money retail,
		Instant changedAt) {

	static String idOf(String resellerId, String productCode, int termMonths) {
		return resellerId + "|" + productCode + "|" + termMonths;
	}

}
