package com.rvssl.localstack;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

import com.rvssl.kit.test.RequiredTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WHMCS module set ({@code whmcs-addon/}) against the running platform: PHPUnit
 * (Debian's, which CI installs) drives the real PHP modules through a thin WHMCS
 * stand-in, and a PHP web server serves the module's webhook callback so the platform's
 * notification-service delivers real, signed webhooks to it. This test runs PHPUnit,
 * shows its output, and holds it to its JUnit report. Its last suite walks a plan through
 * reissues months apart by moving the sandbox's and status-sync's clocks, which is why
 * this class runs last on the shared platform (failsafe's alphabetical order).
 */
@ExtendWith(RunningPlatform.class)
class WhmcsAddonIT {

	private static final Path ADDON = Path.of(System.getProperty("rvssl.platform.dir", ".."), "whmcs-addon")
		.toAbsolutePath()
		.normalize();

	private static final Path WORK = Path.of("target", "whmcs-addon").toAbsolutePath();

	@Test
	void everyPhpFileOfTheModuleSetPassesPhpLint() throws Exception {
		RequiredTools.assumeInstalled(installed("php"), "PHP is not installed here (.ci/run installs php-cli)");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(ADDON)) {
			files = walk.filter(file -> file.toString().endsWith(".php")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThan(10);
		for (Path file : files) {
			Run lint = run(List.of("php", "-l", file.toString()), Map.of(), 60);
			assertThat(lint.exitCode()).as("php -l %s: %s", file, lint.output()).isZero();
		}
	}

	@Test
	void theModulesDrivenByPhpUnitThroughWhmcsCallsAgainstThePlatformPassEveryTest() throws Exception {
		RequiredTools.assumeInstalled(installed("php") && installed("phpunit"),
				"PHP or PHPUnit is not installed here (.ci/run installs php-cli, php-curl and phpunit)");
		LocalStack stack = RunningPlatform.stack();
		Files.createDirectories(WORK);
		Path report = WORK.resolve("phpunit-junit.xml");
		Path database = WORK.resolve("whmcs-" + System.currentTimeMillis() + ".sqlite");
		Files.deleteIfExists(report);
		Map<String, String> environment = Map.ofEntries(Map.entry("RVSSL_ORDER_URL", stack.url(PlatformService.ORDER)),
				Map.entry("RVSSL_BILLING_URL", stack.url(PlatformService.BILLING)),
				Map.entry("RVSSL_NOTIFICATION_URL", stack.url(PlatformService.NOTIFICATION)),
				Map.entry("RVSSL_SANDBOX_URL", stack.sandboxUrl()),
				Map.entry("RVSSL_RESELLER_KEY", stack.credentials().resellerKey()),
				Map.entry("RVSSL_OPERATOR_KEY", stack.credentials().operatorKey()),
				Map.entry("RVSSL_CALLBACK_PORT", Integer.toString(StackSettings.Ports.free().order())),
				Map.entry("RVSSL_WHMCS_DB", database.toString()),
				// the plan walk (the last suite) moves status-sync's clock with the
				// sandbox's
				Map.entry("RVSSL_STATUS_SYNC_URL", stack.url(PlatformService.STATUS_SYNC)),
				Map.entry("RVSSL_SERVICE_KEY", PlatformService.SERVICE_KEY));

		Run phpunit = run(List.of("phpunit", "--configuration", ADDON.resolve("tests/phpunit.xml").toString(),
				"--log-junit", report.toString()), environment, 600);

		assertThat(phpunit.exitCode()).as("phpunit exit code; its output:%n%s", phpunit.output()).isZero();
		Element suite = (Element) DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(report.toFile())
			.getElementsByTagName("testsuite")
			.item(0);
		assertThat(Integer.parseInt(suite.getAttribute("tests"))).isGreaterThan(20);
		assertThat(Integer.parseInt(suite.getAttribute("failures"))).isZero();
		assertThat(Integer.parseInt(suite.getAttribute("errors"))).isZero();
	}

	private static boolean installed(String command) {
		return Files.isExecutable(Path.of("/usr/bin", command));
	}

	/**
	 * Runs a command in the module set's folder, echoing its output into the test log as
	 * it comes.
	 */
	private static Run run(List<String> command, Map<String, String> environment, int timeoutSeconds) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(ADDON.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		StringBuilder output = new StringBuilder();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					System.out.println("[" + command.get(0) + "] " + line);
					synchronized (output) {
						output.append(line).append('\n');
					}
				}
			}
			catch (java.io.IOException ex) {
				// the process ended
			}
		}, command.get(0) + "-output");
		reader.start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			// phpunit's own PHP server first: a killed phpunit cannot stop it any more
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		reader.join(10_000);
		synchronized (output) {
			return new Run(process.isAlive() ? -1 : process.exitValue(), output.toString());
		}
	}

	private record Run(int exitCode, String output) {
	}

}
