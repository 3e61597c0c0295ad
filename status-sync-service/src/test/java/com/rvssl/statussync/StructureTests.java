package com.rvssl.statussync;

import java.util.List;

import com.rvssl.kit.test.ServiceStructureTests;

/**
 * The structure every service keeps. The domain leaves out {@code gateway}, whose job is
 * an HTTP call to the ca-gateway (WebClient): it uses spring-web as a library, not as a
 * way in.
 */
class StructureTests extends ServiceStructureTests {

	StructureTests() {
		super("com.rvssl.statussync", List.of("api"), List.of("tracking", "scheduling", "expiry", "push"));
	}

}
