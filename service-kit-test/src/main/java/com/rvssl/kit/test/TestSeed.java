package com.rvssl.kit.test;

import java.util.Random;

/**
 * The one seed of every randomized test in a test JVM: the system property
 * {@value #PROPERTY} when given ({@code .ci/run} draws one per build and prints it), else
 * drawn once per JVM. Either way it is printed, and a rerun of a failed test in the same
 * JVM gets the same seed, so that a failure a seed causes fails again instead of passing
 * as a flake. Reproduce with {@code -Drvssl.test.seed=N}.
 */
public final class TestSeed {

	public static final String PROPERTY = "rvssl.test.seed";

	private static final long SEED = resolve();

	private TestSeed() {
	}

	public static long get() {
		return SEED;
	}

	/** A random source for one test, the same for every run with the same seed. */
	public static Random random(String testName) {
		return new Random(SEED ^ testName.hashCode());
	}

	private static long resolve() {
		String given = System.getProperty(PROPERTY, "").trim();
		long seed = given.isEmpty() ? System.nanoTime() : Long.parseLong(given);
		System.out.println("Randomized tests use seed " + seed + " (reproduce with -D" + PROPERTY + "=" + seed + ")");
		return seed;
	}

}
