package com.rvssl.order.api;

import java.util.List;

import com.rvssl.order.catalog.Catalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog with prices, as WHMCS imports it into its products. */
@RestController
@RequestMapping("/api/v1/products")
class ProductsController {

	private final Catalog catalog;

	ProductsController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	List<Responses.ProductJson> products() {
		return catalog.products().stream().map(Responses.ProductJson::of).toList();
	}

}
