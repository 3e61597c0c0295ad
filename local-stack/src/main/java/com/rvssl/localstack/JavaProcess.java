package com.rvssl.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM with its output in a log file of its own. Stopping sends SIGTERM first so
 * Spring Boot and Kafka shut down cleanly, and only kills when that takes too long.
 */
final class JavaProcess {

	private static final Duration GRACE = Duration.ofSeconds(20);

	private final String name;

	private final Process process;

	private final Path log;

	/**
	 * System property naming a directory: when set, every JVM the stack starts keeps a
	 * Java Flight Recording there.
	 */
	static final String FLIGHT_RECORDINGS = "localstack.flight-recordings";

	private JavaProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/** Runs {@code java <jvmOptions> -jar <jar> <args>}. */
	static JavaProcess startJar(String name, Path jar, List<String> jvmOptions, List<String> args, Path logDir) {
		List<String> command = new ArrayList<>(javaCommand(jvmOptions));
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		return start(name, command, logDir);
	}

	/**
	 * Runs {@code mainClass} from this launcher's own classpath. Inside the packaged
	 * launcher (a Spring Boot ZIP-layout jar) the classes are nested, so the child goes
	 * through Boot's PropertiesLauncher; from a plain classpath (tests, IDE) it uses that
	 * classpath directly.
	 */
	static JavaProcess startMain(String name, String mainClass, List<String> jvmOptions, List<String> args,
			Path logDir) {
		List<String> command = new ArrayList<>(javaCommand(jvmOptions));
		String classpath = System.getProperty("java.class.path");
		if (isBootJar(classpath)) {
			command.add("-Dloader.main=" + mainClass);
			command.add("-cp");
			command.add(classpath);
			command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
		}
		else {
			command.add("-cp");
			command.add(classpath);
			command.add(mainClass);
		}
		command.addAll(args);
		return start(name, command, logDir);
	}

	/** Runs a main class to completion (a tool such as Kafka's storage formatter). */
	static void runMain(String name, String mainClass, List<String> args, Path logDir) {
		JavaProcess tool = startMain(name, mainClass, List.of("-Xmx128m"), args, logDir);
		try {
			if (!tool.process.waitFor(2, TimeUnit.MINUTES) || tool.process.exitValue() != 0) {
				throw new IllegalStateException(name + " failed; see " + tool.log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(name + " interrupted", ex);
		}
	}

	private static JavaProcess start(String name, List<String> command, Path logDir) {
		String flightRecordings = System.getProperty(FLIGHT_RECORDINGS);
		if (flightRecordings != null) {
			// For profiling a run: each child records to <dir>/<name>.jfr, written when
			// it stops
			command.add(1, "-XX:StartFlightRecording=settings=profile,filename="
					+ Path.of(flightRecordings).toAbsolutePath().resolve(name + ".jfr"));
		}
		try {
			Files.createDirectories(logDir);
			Path log = logDir.resolve(name + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return new JavaProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start " + name, ex);
		}
	}

	private static List<String> javaCommand(List<String> jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// the performance-data sampler wakes every 50 ms in each of the stack's JVMs, a
		// fifth of a percent of a core apiece while idle; nothing here reads its counters
		// (jcmd attaches without them)
		command.add("-XX:-UsePerfData");
		command.addAll(jvmOptions);
		return command;
	}

	private static boolean isBootJar(String classpath) {
		if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
			return false;
		}
		try (var jar = new java.util.jar.JarFile(classpath)) {
			return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/lib/") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	String name() {
		return name;
	}

	Path log() {
		return log;
	}

	/**
	 * Resident memory of the process in kibibytes, read from /proc where there is one; -1
	 * elsewhere.
	 */
	long residentKib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux, or the process is gone
		}
		return -1;
	}

	/**
	 * CPU time the process has used so far (user and system), in seconds; -1 where the
	 * platform does not tell.
	 */
	double cpuSeconds() {
		return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e9).orElse(-1.0);
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/**
	 * Kills the process as a crash would (SIGKILL): no shutdown hooks, nothing flushed.
	 */
	void kill() {
		try {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void stop() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
