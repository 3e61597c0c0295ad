package com.rvssl.order.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The products on sale, read once at start from a versioned data file so that a price
 * change is a reviewed data change and a new catalog version, not a code change.
 */
@Component
public class Catalog {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private final int version;

	private final Map<String, Product> products;

	private final List<Product> ordered;

	public Catalog(@Value("${rvssl.catalog.location}") Resource location) {
		CatalogFile file = read(location);
		this.version = file.version();
		Map<String, Product> byCode = new LinkedHashMap<>();
		for (Product product : file.products()) {
			if (byCode.put(product.code(), product) != null) {
				throw new IllegalStateException("catalog lists product " + product.code() + " twice");
			}
			if (product.prices().isEmpty() || product.maxDomains() < 1) {
				throw new IllegalStateException("catalog product " + product.code() + " needs prices and maxDomains");
			}
		}
		this.products = Map.copyOf(byCode);
		this.ordered = List.copyOf(byCode.values());
		log.info("Catalog v{} loaded with {} products", version, products.size());
	}

	public int version() {
		return version;
	}

	public List<Product> products() {
		return ordered;
	}

	public Optional<Product> find(String code) {
		return Optional.ofNullable(code).map(products::get);
	}

	private static CatalogFile read(Resource location) {
		JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = location.getInputStream()) {
			return mapper.readValue(in, CatalogFile.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read catalog " + location, ex);
		}
	}

	record CatalogFile(int version, List<Product> products) {
	}

}
