package com.rvssl.kit.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * A service run from its packaged jar ({@code target/<module>.jar}) in a process of its
 * own, for the tests that kill one (SIGKILL, no shutdown hooks) and start it again. It
 * listens on a free port and writes its output to {@code target/<run>.log}; a test closes
 * every one it started, whatever happened.
 */
public final class ServiceJar implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String run;

	private final Process process;

	private final int port;

	private final Path log;

	private ServiceJar(String run, Process process, int port, Path log) {
		this.run = run;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts {@code target/<module>.jar} with the given Spring Boot arguments and a free
	 * {@code server.port}, without waiting for it to be ready.
	 */
	public static ServiceJar start(String module, String run, String... arguments) throws IOException {
		Path jar = Path.of("target", module + ".jar");
		if (!Files.exists(jar)) {
			throw new IllegalStateException(jar + " is missing: run this test after package (failsafe)");
		}
		int port = freePort();
		Path log = Path.of("target", run + ".log");
		Files.deleteIfExists(log);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						jar.toString(), "--server.port=" + port));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
			.start();
		return new ServiceJar(run, process, port, log);
	}

	/**
	 * Waits until readiness answers 200; fails at once if the process dies, naming its
	 * log.
	 */
	public ServiceJar awaitReady(Duration atMost) {
		HttpRequest readiness = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		Awaitility.await(run + " ready; see " + log)
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			// not listening yet while it starts
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(run + " died while starting; see " + log);
				}
				return HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			});
		return this;
	}

	/** Kills the process as a crash would: no shutdown hooks, nothing flushed. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	public Path log() {
		return log;
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
