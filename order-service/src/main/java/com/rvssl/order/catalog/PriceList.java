package com.rvssl.order.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog as it is sold now: the products of the versioned file with the operators'
 * price changes laid over them. Read on each request (a handful of small documents) so
 * every instance sells at the same prices without a cache to invalidate.
 */
@Component
public class PriceList {

	private final Catalog catalog;

	private final ReactiveMongoTemplate mongo;

	public PriceList(Catalog catalog, ReactiveMongoTemplate mongo) {
		this.catalog = catalog;
		this.mongo = mongo;
	}

	public Mono<List<Product>> products() {
		return changes().map((changes) -> catalog.products()
			.stream()
			.map((product) -> adjusted(product, changes.get(product.code())))
			.toList());
	}

	/** The product with its current prices; empty when the catalog does not sell it. */
	public Mono<Product> find(String code) {
		return Mono.justOrEmpty(catalog.find(code))
			.flatMap((product) -> mongo.findById(product.code(), OperatorPrices.class)
				.map((change) -> adjusted(product, change))
				.defaultIfEmpty(product));
	}

	/**
	 * Sets the prices of some terms of a product; the caller has checked the product and
	 * terms exist, the currency is the catalog's and no amount is negative.
	 */
	public Mono<Product> change(Product product, List<Price> prices) {
		return mongo.findById(product.code(), OperatorPrices.class)
			.map(OperatorPrices::prices)
			.defaultIfEmpty(List.of())
			.flatMap((earlier) -> {
				Map<Integer, Price> byTerm = new java.util.LinkedHashMap<>();
				earlier.forEach((price) -> byTerm.put(price.termMonths(), price));
				prices.forEach((price) -> byTerm.put(price.termMonths(), price));
				return mongo.save(new OperatorPrices(product.code(), new ArrayList<>(byTerm.values()),
						catalog.version(), Instant.now()));
			})
			.map((change) -> adjusted(product, change));
	}

	private Mono<Map<String, OperatorPrices>> changes() {
		return mongo.findAll(OperatorPrices.class)
			.collect(Collectors.toMap(OperatorPrices::productCode, Function.identity()));
	}

	private static Product adjusted(Product product, OperatorPrices change) {
		if (change == null) {
			return product;
		}
		Map<Integer, Price> changed = change.prices()
			.stream()
			.collect(Collectors.toMap(Price::termMonths, Function.identity()));
		List<Price> prices = product.prices()
			.stream()
			.map((price) -> changed.getOrDefault(price.termMonths(), price))
			.toList();
		return new Product(product.code(), product.name(), product.brand(), product.ca(), product.caProduct(),
				product.validation(), product.type(), product.maxDomains(), prices);
	}

}
