package com.rvssl.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the stack runs: the folder holding the built modules, the folder it keeps its
 * data, logs and credentials in, and every port. Defaults are the ports of API.md.
 *
 * @param persistent keep MongoDB and Kafka data across restarts (off for throwaway test
 * stacks)
 * @param dvApproveAfter how long the sandbox CA waits before it approves DV validation by
 * itself
 */
public record StackSettings(Path platformDir, Path dataDir, boolean persistent, Ports ports, Duration dvApproveAfter) {

	public record Ports(int order, int billing, int gateway, int statusSync, int notification, int sandbox, int kafka,
			int kafkaController, int mongo, int smtp) {

		public static Ports defaults() {
			return new Ports(8081, 8082, 8083, 8084, 8085, 8090, 9092, 9093, 27017, 2525);
		}

		/**
		 * Ports nobody listens on right now, so a test stack never collides with a
		 * running one.
		 */
		public static Ports free() {
			return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
					freePort(), freePort(), freePort());
		}

		static int freePort() {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new IllegalStateException("no free port", ex);
			}
		}

	}

	public static StackSettings defaults() {
		Path here = Path.of("").toAbsolutePath();
		return new StackSettings(here, here.resolve(".local-stack"), true, Ports.defaults(), Duration.ofSeconds(3));
	}

	public String url(int port) {
		return "http://127.0.0.1:" + port;
	}

}
