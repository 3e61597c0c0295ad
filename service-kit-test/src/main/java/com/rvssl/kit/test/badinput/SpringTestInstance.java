package com.rvssl.kit.test.badinput;

import org.springframework.test.context.TestContextManager;

/**
 * Spring's test context for a test class that JUnit Jupiter does not run (a jqwik
 * property class): the same cached application context as the service's Jupiter
 * integration tests with the same configuration, and the instance's fields injected.
 */
public final class SpringTestInstance {

	private SpringTestInstance() {
	}

	public static void prepare(Object testInstance) {
		try {
			TestContextManager manager = new TestContextManager(testInstance.getClass());
			manager.prepareTestInstance(testInstance);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot prepare " + testInstance.getClass().getName(), ex);
		}
	}

}
