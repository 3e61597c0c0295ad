package com.rvssl.notify;

import java.util.List;

import com.rvssl.kit.test.ServiceStructureTests;

/**
 * The structure every service keeps. The domain leaves out webhooks, whose job is an HTTP
 * post (WebClient), and email, which escapes its HTML with spring-web's HtmlUtils: both
 * use spring-web as a library, not as a way in.
 */
class StructureTests extends ServiceStructureTests {

	StructureTests() {
		super("com.rvssl.notify", List.of("api"), List.of("deliveries", "recipients"));
	}

}
