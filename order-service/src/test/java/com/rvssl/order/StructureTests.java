package com.rvssl.order;

import java.util.List;

import com.rvssl.kit.test.ServiceStructureTests;

/**
 * The structure every service keeps: it shares only the contracts and the kit, HTTP is
 * served from the api package alone, the domain knows nothing of HTTP or Kafka, names are
 * business words.
 */
class StructureTests extends ServiceStructureTests {

	StructureTests() {
		super("com.rvssl.order", List.of("api"),
				List.of("orders", "views", "catalog", "csr", "certificates", "pricing", "settings", "dcv"));
	}

}
