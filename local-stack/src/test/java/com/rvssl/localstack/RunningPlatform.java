package com.rvssl.localstack;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform for every end-to-end test class of a failsafe run: starting the broker,
 * the wire server and seven JVMs costs about a minute, so classes share it (each uses its
 * own resellers and domains) and it is stopped once, when the root context closes at the
 * end of the run.
 *
 * <pre>{@code @ExtendWith(RunningPlatform.class) class SomeIT { ... RunningPlatform.stack() ... }}</pre>
 */
public final class RunningPlatform implements BeforeAllCallback {

	private static volatile LocalStack stack;

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.create(RunningPlatform.class))
			.getOrComputeIfAbsent(Started.class, key -> new Started(), Started.class);
	}

	/** The running platform; only valid in a class extended with this extension. */
	public static LocalStack stack() {
		if (stack == null) {
			throw new IllegalStateException("annotate the test class with @ExtendWith(RunningPlatform.class)");
		}
		return stack;
	}

	private static final class Started implements AutoCloseable {

		Started() {
			Path platformDir = Path.of(System.getProperty("rvssl.platform.dir", "..")).toAbsolutePath().normalize();
			Path dataDir = Path.of("target", "e2e-stack-" + System.currentTimeMillis()).toAbsolutePath();
			stack = LocalStack.start(
					new StackSettings(platformDir, dataDir, false, StackSettings.Ports.free(), Duration.ofSeconds(1)));
		}

		@Override
		public void close() {
			stack.close();
			stack = null;
		}

	}

}
