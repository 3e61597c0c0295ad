package com.rvssl.gateway.scenarios;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The sandbox CA of one scenario class ({@code @RegisterExtension} on a static field):
 * started when the gateway's context first asks for its address, its faults cleared after
 * each test, stopped after the class.
 */
public final class SandboxCaForClass implements AfterEachCallback, AfterAllCallback {

	private final Supplier<SandboxCa> start;

	private SandboxCa sandbox;

	private SandboxCaForClass(Supplier<SandboxCa> start) {
		this.start = start;
	}

	/** @see SandboxCa#start(String, String...) */
	public static SandboxCaForClass starting(String approveAfter, String... moreArguments) {
		return new SandboxCaForClass(() -> SandboxCa.start(approveAfter, moreArguments));
	}

	public synchronized SandboxCa get() {
		if (sandbox == null) {
			sandbox = start.get();
		}
		return sandbox;
	}

	/** Points both CA families of the gateway at the sandbox. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("rvssl.ca.digicert.base-url", () -> get().baseUrl());
		registry.add("rvssl.ca.sectigo.base-url", () -> get().baseUrl());
	}

	@Override
	public synchronized void afterEach(ExtensionContext context) {
		if (sandbox != null) {
			sandbox.clearFaults();
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (sandbox != null) {
			sandbox.close();
			sandbox = null;
		}
	}

}
