package com.rvssl.order.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import com.rvssl.contracts.Money;
import com.rvssl.kit.problem.InvalidField;
import com.rvssl.kit.security.Caller;
import com.rvssl.order.catalog.Price;
import com.rvssl.order.catalog.PriceList;
import com.rvssl.order.catalog.Product;
import com.rvssl.order.pricing.RetailPrices;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The catalog with prices, as WHMCS imports it into its products; the reseller's own
 * retail prices over it; and the operator's price changes over the catalog file.
 */
@RestController
class ProductsController {

	private final PriceList priceList;

	private final RetailPrices retailPrices;

	private final JsonBodies bodies;

	ProductsController(PriceList priceList, RetailPrices retailPrices, JsonBodies bodies) {
		this.priceList = priceList;
		this.retailPrices = retailPrices;
		this.bodies = bodies;
	}

	@GetMapping("/api/v1/products")
	Mono<List<Responses.ProductJson>> products(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
		return Mono.zip(priceList.products(), retailPrices.of(caller.scope()))
			.map((both) -> both.getT1()
				.stream()
				.map((product) -> Responses.ProductJson.of(product, both.getT2()))
				.toList());
	}

	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Requests.RetailPrice.class)))
	@PutMapping(path = "/api/v1/products/{code}/prices/{termMonths}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<Responses.ProductJson> overrideRetail(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable @Size(max = 100) String code, @PathVariable @Size(max = 4) String termMonths,
			ServerWebExchange exchange) {
		String reseller = resellerOnly(caller);
		return priceOf(code, termMonths)
			.flatMap((found) -> bodies.read(exchange, Requests.RetailPrice.class).flatMap((body) -> {
				Money retail = money("retail", body.value().retail(), found.price().recommendedRetail().currency());
				return retailPrices.set(reseller, code, found.price().termMonths(), retail);
			}).then(productJson(reseller, found.product())));
	}

	@DeleteMapping("/api/v1/products/{code}/prices/{termMonths}")
	Mono<Responses.ProductJson> resetRetail(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable @Size(max = 100) String code, @PathVariable @Size(max = 4) String termMonths) {
		String reseller = resellerOnly(caller);
		return priceOf(code, termMonths)
			.flatMap((found) -> retailPrices.reset(reseller, code, found.price().termMonths())
				.then(productJson(reseller, found.product())));
	}

	@DeleteMapping("/api/v1/prices")
	Mono<ResponseEntity<Void>> resetAllRetail(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
		return retailPrices.resetAll(resellerOnly(caller)).thenReturn(ResponseEntity.noContent().build());
	}

	/**
	 * Operator only: new wholesale and recommended prices for some terms of a product.
	 */
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(
							implementation = Requests.CatalogPrices.class)))
	@PutMapping(path = "/api/v1/admin/products/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<Responses.ProductJson> changeCatalogPrices(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@PathVariable @Size(max = 100) String code, ServerWebExchange exchange) {
		if (!caller.operator()) {
			return Mono.error(new InvalidRequestException(HttpStatus.FORBIDDEN,
					"catalog prices are changed with the operator's key", List.of()));
		}
		return priceList.find(code)
			.switchIfEmpty(Mono.error(() -> new ProductNotFoundException(code)))
			.flatMap((product) -> bodies.read(exchange, Requests.CatalogPrices.class).flatMap((body) -> {
				List<Price> prices = checkedPrices(product, body.value());
				return priceList.change(product, prices);
			}))
			.map((product) -> Responses.ProductJson.of(product, Map.of()));
	}

	private static List<Price> checkedPrices(Product product, Requests.CatalogPrices request) {
		List<InvalidField> errors = new ArrayList<>();
		List<Price> prices = new ArrayList<>();
		for (int i = 0; i < request.prices().size(); i++) {
			Requests.TermPrice term = request.prices().get(i);
			String field = "prices[" + i + "]";
			Price current = product.priceFor(term.termMonths()).orElse(null);
			if (current == null) {
				errors.add(new InvalidField(field + ".termMonths", product.code() + " is not sold for "
						+ term.termMonths() + " months; new terms come with a new catalog file"));
				continue;
			}
			String currency = current.wholesale().currency();
			List<InvalidField> before = List.copyOf(errors);
			Money wholesale = checkedMoney(field + ".wholesale", term.wholesale(), currency, errors);
			Money recommended = checkedMoney(field + ".recommendedRetail", term.recommendedRetail(), currency, errors);
			if (errors.size() == before.size()) {
				prices.add(new Price(current.termMonths(), wholesale, recommended));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(HttpStatus.UNPROCESSABLE_CONTENT, errors.get(0).message(), errors);
		}
		return prices;
	}

	private Mono<Responses.ProductJson> productJson(String reseller, Product product) {
		return retailPrices.of(reseller).map((overrides) -> Responses.ProductJson.of(product, overrides));
	}

	/**
	 * The product as sold now and the price of the term; a 404 problem for an unknown
	 * product, 422 for a term.
	 */
	private Mono<ProductTerm> priceOf(String code, String termMonths) {
		return priceList.find(code)
			.switchIfEmpty(Mono.error(() -> new ProductNotFoundException(code)))
			.map((product) -> {
				Price price = parseTerm(termMonths).flatMap(product::priceFor)
					.orElseThrow(() -> new InvalidRequestException(HttpStatus.UNPROCESSABLE_CONTENT,
							code + " is not sold for a term of '" + termMonths + "' months",
							List.of(new InvalidField("termMonths", "sold for "
									+ product.prices().stream().map(Price::termMonths).toList() + " months only"))));
				return new ProductTerm(product, price);
			});
	}

	private static java.util.Optional<Integer> parseTerm(String termMonths) {
		try {
			return java.util.Optional.of(Integer.parseInt(termMonths));
		}
		catch (NumberFormatException ex) {
			return java.util.Optional.empty();
		}
	}

	private static Money money(String field, Requests.MoneyBody body, String currency) {
		List<InvalidField> errors = new ArrayList<>();
		Money money = checkedMoney(field, body, currency, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(HttpStatus.UNPROCESSABLE_CONTENT, errors.get(0).message(), errors);
		}
		return money;
	}

	/**
	 * Prices are in the catalog's currency (no conversion anywhere) and never negative.
	 */
	private static Money checkedMoney(String field, Requests.MoneyBody body, String currency,
			List<InvalidField> errors) {
		if (!currency.equals(body.currency())) {
			errors.add(new InvalidField(field + ".currency",
					"prices are in the catalog currency " + currency + ", not " + body.currency()));
			return null;
		}
		if (body.amount() < 0) {
			errors.add(new InvalidField(field + ".amount", "a price cannot be negative"));
			return null;
		}
		return Money.of(body.amount(), currency);
	}

	private static String resellerOnly(Caller caller) {
		if (caller.operator()) {
			throw new InvalidRequestException(HttpStatus.FORBIDDEN,
					"retail prices belong to a reseller: use the reseller's API key", List.of());
		}
		return caller.resellerId();
	}

	private record ProductTerm(Product product, Price price) {
	}

}
