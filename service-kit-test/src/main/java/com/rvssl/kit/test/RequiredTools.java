package com.rvssl.kit.test;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a tool from outside Maven (PHP, Chromium, Prometheus) skip where it is
 * missing on a developer's machine, but fail where it must be: {@code .ci/run} installs
 * them all and sets {@value #PROPERTY}, so that a test skipped there never passes
 * silently.
 */
public final class RequiredTools {

	public static final String PROPERTY = "rvssl.tools.required";

	private RequiredTools() {
	}

	public static void assumeInstalled(boolean installed, String missing) {
		if (Boolean.getBoolean(PROPERTY)) {
			Assertions.assertTrue(installed, missing + " (required: -D" + PROPERTY + "=true)");
		}
		else {
			Assumptions.assumeTrue(installed, missing);
		}
	}

}
