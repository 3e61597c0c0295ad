package com.rvssl.kit.test.badinput;

import com.rvssl.kit.test.TestSeed;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The tries and seed of a bad-input property: {@value #TRIES} tries (system property
 * {@code rvssl.badinput.tries}, default {@value #DEFAULT_TRIES} per service, so the three
 * services together make more than 10,000 requests) and the build's {@link TestSeed}, so
 * a run is reproduced with {@code -Drvssl.test.seed=N}. A property records bad answers
 * and fails once at the end, so there is nothing to shrink.
 */
public class BadInputSettings implements AroundPropertyHook {

	public static final String TRIES = "rvssl.badinput.tries";

	public static final int DEFAULT_TRIES = 3_400;

	public static int tries() {
		return Integer.getInteger(TRIES, DEFAULT_TRIES);
	}

	@Override
	public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
		context.attributes().setTries(tries());
		context.attributes().setSeed(Long.toString(TestSeed.get()));
		context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
		context.attributes().setShrinking(ShrinkingMode.OFF);
		return property.execute();
	}

	@Override
	public int aroundPropertyProximity() {
		// outermost, so the attributes are set before jqwik reads them
		return -100;
	}

}
