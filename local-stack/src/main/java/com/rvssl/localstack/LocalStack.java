package com.rvssl.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.internet.MimeMessage;

/**
 * Starts the whole platform on one machine: a Kafka broker (KRaft) in its own JVM, a
 * MongoDB wire server and an SMTP catcher in this JVM, the sandbox CA and the five
 * services each in a JVM of its own; seeds a demo reseller with credit; stops everything
 * cleanly on Ctrl-C.
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final StackSettings settings;

	private final StackProfile profile;

	private final PlatformClient client = new PlatformClient();

	// started and killed from the chaos run's threads too
	private final Map<PlatformService, JavaProcess> services = java.util.Collections
		.synchronizedMap(new EnumMap<>(PlatformService.class));

	/** Further replicas of a service, by name, for runs that kill one mid-work. */
	private final Map<String, JavaProcess> replicas = new java.util.concurrent.ConcurrentHashMap<>();

	private MongoWireServer mongo;

	private SmtpCatcher smtp;

	// replaced by a restart while other threads read it
	private volatile KafkaBroker kafka;

	private JavaProcess sandbox;

	private Credentials credentials;

	private LocalStack(StackSettings settings, StackProfile profile) {
		this.settings = settings;
		this.profile = profile;
	}

	public static void main(String[] args) throws InterruptedException {
		StackSettings settings = StackSettings.defaults();
		StackProfile profile = StackProfile.fromArguments(args);
		System.out.println("[local-stack] starting the RVssl platform from " + settings.platformDir()
				+ ((profile == StackProfile.DEFAULT) ? "" : " with the " + profile.name().toLowerCase() + " profile"));
		LocalStack stack = LocalStack.start(settings, profile);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("\n[local-stack] stopping...");
			stack.close();
			System.out.println("[local-stack] stopped.");
			stopped.countDown();
		}, "local-stack-shutdown"));
		System.out.println(stack.describe());
		stopped.await();
	}

	/**
	 * Starts everything and returns once every service is ready and the demo reseller
	 * exists.
	 */
	public static LocalStack start(StackSettings settings) {
		return start(settings, StackProfile.DEFAULT);
	}

	/** {@link #start(StackSettings)} with the JVMs and the sandbox tuned by a profile. */
	public static LocalStack start(StackSettings settings, StackProfile profile) {
		LocalStack stack = new LocalStack(settings, profile);
		try {
			stack.startAll();
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	private void startAll() {
		Path credentialsFile = settings.dataDir().resolve("credentials.json");
		Credentials known = settings.persistent() ? Credentials.readIfPresent(credentialsFile) : null;
		credentials = (known != null) ? known : Credentials.generate();
		Path logs = settings.dataDir().resolve("logs");
		StackSettings.Ports ports = settings.ports();

		mongo = MongoWireServer.start(ports.mongo(),
				settings.persistent() ? settings.dataDir().resolve("mongo") : null);
		smtp = SmtpCatcher.start(ports.smtp(), settings.dataDir().resolve("mail"));
		kafka = KafkaBroker.start(ports.kafka(), ports.kafkaController(), settings.dataDir().resolve("kafka"), logs);
		log("Kafka ready at " + kafka.bootstrapServers());

		sandbox = JavaProcess.startJar("sandbox-ca", requireJar(sandboxJar()), profile.serviceJvm(), sandboxArguments(),
				logs);
		for (PlatformService service : PlatformService.values()) {
			startService(service);
		}
		client.awaitReady(settings.url(ports.sandbox()) + "/sandbox/roots", sandbox, START_TIMEOUT);
		for (PlatformService service : PlatformService.values()) {
			awaitReady(service);
		}
		log("all services ready");

		credentials = new DemoReseller(client, url(PlatformService.BILLING), url(PlatformService.ORDER))
			.ensure(credentials);
		credentials.write(credentialsFile);
	}

	private List<String> sandboxArguments() {
		List<String> args = new ArrayList<>(List.of("--server.port=" + settings.ports().sandbox(),
				"--sandbox.digicert.api-key=" + credentials.sandbox().digicertApiKey(),
				"--sandbox.sectigo.login-name=" + credentials.sandbox().sectigoLoginName(),
				"--sandbox.sectigo.login-password=" + credentials.sandbox().sectigoLoginPassword(),
				"--sandbox.dv.approve-after=" + settings.dvApproveAfter(),
				"--sandbox.sectigo.push-url=" + PlatformService.sectigoPushUrl(settings),
				// the sandbox payment provider: billing's top-ups are paid there (at once
				// by
				// default) and reported to billing by signed callbacks
				"--sandbox.payments.api-key=" + PlatformService.PAYMENT_API_KEY,
				"--sandbox.payments.webhook-secret=" + PlatformService.PAYMENT_WEBHOOK_SECRET,
				"--sandbox.payments.callback-url=" + PlatformService.paymentCallbackUrl(settings),
				// DV approval links are mailed to the same SMTP catcher the notifications
				// go to
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + settings.ports().smtp(),
				"--sandbox.public-url=" + settings.url(settings.ports().sandbox())));
		if (settings.persistent()) {
			args.add("--sandbox.data-dir=" + settings.dataDir().resolve("sandbox").toAbsolutePath());
		}
		args.addAll(profile.sandboxArguments());
		return args;
	}

	/** Starts (or starts again) one service's JVM; pair with {@link #awaitReady}. */
	public void startService(PlatformService service) {
		services.put(service, JavaProcess.startJar(service.module(), requireJar(service.jar(settings.platformDir())),
				profile.serviceJvm(), arguments(service), settings.dataDir().resolve("logs")));
	}

	private List<String> arguments(PlatformService service) {
		List<String> args = new ArrayList<>(service.arguments(settings, kafka.bootstrapServers(), mongo, credentials));
		args.addAll(profile.serviceArguments(service));
		return args;
	}

	/**
	 * Kills one service as a crash would (SIGKILL, nothing flushed); start it again with
	 * {@link #startService}.
	 */
	public void killService(PlatformService service) {
		JavaProcess process = services.remove(service);
		if (process != null) {
			process.kill();
		}
	}

	/**
	 * Starts a further replica of a service on a free port, sharing the service's
	 * database and consumer group, and waits until it is ready.
	 * @return the replica's base URL
	 */
	public String startReplica(PlatformService service, String name) {
		int port = StackSettings.Ports.freePort();
		List<String> args = arguments(service);
		args.replaceAll(arg -> arg.startsWith("--server.port=") ? "--server.port=" + port : arg);
		JavaProcess process = JavaProcess.startJar(name, requireJar(service.jar(settings.platformDir())),
				profile.serviceJvm(), args, settings.dataDir().resolve("logs"));
		replicas.put(name, process);
		String url = settings.url(port);
		client.awaitReady(url + "/actuator/health/readiness", process, START_TIMEOUT);
		return url;
	}

	/** Kills a replica started by {@link #startReplica} (SIGKILL). */
	public void killReplica(String name) {
		JavaProcess process = replicas.remove(name);
		if (process != null) {
			process.kill();
		}
	}

	/**
	 * Stops the Kafka broker (SIGTERM), leaves it down for a while, and starts it again
	 * on the same ports and data; returns once it answers.
	 */
	public void restartKafka(Duration down) {
		kafka.close();
		Pause.sleep(down);
		StackSettings.Ports ports = settings.ports();
		kafka = KafkaBroker.start(ports.kafka(), ports.kafkaController(), settings.dataDir().resolve("kafka"),
				settings.dataDir().resolve("logs"));
	}

	/**
	 * Takes the MongoDB wire server away (its socket closed, every connection dropped),
	 * leaves it down for a while, and brings it back on the same port with the same data.
	 */
	public void restartMongo(Duration down) {
		mongo.restart(down);
	}

	public void awaitReady(PlatformService service) {
		client.awaitReady(url(service) + "/actuator/health/readiness", services.get(service), START_TIMEOUT);
	}

	/**
	 * Stops one service the way an orchestrator would (SIGTERM), leaving the rest
	 * running.
	 */
	public void stopService(PlatformService service) {
		JavaProcess process = services.remove(service);
		if (process != null) {
			process.stop();
		}
	}

	public String url(PlatformService service) {
		return settings.url(service.port(settings.ports()));
	}

	/**
	 * Resident memory in KiB of every process of the stack (services, sandbox CA,
	 * broker), by name.
	 */
	public Map<String, Long> residentMemoryKib() {
		Map<String, Long> memory = new java.util.LinkedHashMap<>();
		services.values().forEach(process -> memory.put(process.name(), process.residentKib()));
		memory.put(sandbox.name(), sandbox.residentKib());
		memory.put("kafka", kafka.residentKib());
		return memory;
	}

	/**
	 * CPU seconds every process of the stack has used so far, by name: the services, the
	 * sandbox CA, the broker, and this JVM (the MongoDB wire server, the SMTP catcher and
	 * whatever else runs in it, such as a load client).
	 */
	public Map<String, Double> cpuSeconds() {
		Map<String, Double> cpu = new java.util.LinkedHashMap<>();
		services.values().forEach(process -> cpu.put(process.name(), process.cpuSeconds()));
		replicas.forEach((name, process) -> cpu.put(name, process.cpuSeconds()));
		cpu.put(sandbox.name(), sandbox.cpuSeconds());
		cpu.put("kafka", kafka.cpuSeconds());
		cpu.put("local-stack",
				ProcessHandle.current().info().totalCpuDuration().map(t -> t.toNanos() / 1e9).orElse(-1.0));
		return cpu;
	}

	/**
	 * Commands the MongoDB wire server has answered so far, by service (each service's
	 * database; the drivers' heartbeats to {@code admin} are not counted). Empty when the
	 * stack keeps its data on disk, whose backend does not count.
	 */
	public Map<PlatformService, Long> databaseCommands() {
		Map<PlatformService, Long> commands = new EnumMap<>(PlatformService.class);
		for (PlatformService service : PlatformService.values()) {
			mongo.commands(service.database()).ifPresent(count -> commands.put(service, count));
		}
		return commands;
	}

	/**
	 * Commands the MongoDB wire server has answered so far, by collection and command
	 * ({@code database.collection command}, e.g. {@code rvssl-billing.accounts update});
	 * empty when the stack keeps its data on disk.
	 */
	public Map<String, Long> databaseCommandKinds() {
		return mongo.commandKinds();
	}

	/**
	 * Documents the wire server's queries have matched against a filter so far, by
	 * collection ({@code database.collection}); empty when the stack keeps its data on
	 * disk.
	 */
	public Map<String, Long> documentsExamined() {
		return mongo.documentsExamined();
	}

	/** The connection string of a service's own database, for checks that read it. */
	String mongoUri(PlatformService service) {
		return mongo.uri(service.database());
	}

	public String sandboxUrl() {
		return settings.url(settings.ports().sandbox());
	}

	public String kafkaBootstrapServers() {
		return kafka.bootstrapServers();
	}

	public Credentials credentials() {
		return credentials;
	}

	public List<MimeMessage> receivedMail() {
		return smtp.received();
	}

	private Path sandboxJar() {
		return settings.platformDir().resolve("sandbox-ca").resolve("target").resolve("sandbox-ca-exec.jar");
	}

	private static Path requireJar(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build first with 'mvn -B -DskipTests package'");
		}
		return jar;
	}

	String describe() {
		StackSettings.Ports ports = settings.ports();
		StringBuilder text = new StringBuilder("\nRVssl local stack is up.\n");
		for (PlatformService service : PlatformService.values()) {
			text.append(String.format("  %-22s %s%n", service.module(), url(service)));
		}
		text.append(String.format("  %-22s %s%n", "sandbox CA", sandboxUrl()))
			.append(String.format("  %-22s %s%n", "Kafka", kafka.bootstrapServers()))
			.append(String.format("  %-22s %s%n", "MongoDB", mongo.uri("")))
			.append(String.format("  %-22s 127.0.0.1:%d (mail kept in %s)%n", "SMTP", ports.smtp(),
					settings.dataDir().resolve("mail")))
			.append(String.format("%n  operator key:   %s%n", credentials.operatorKey()))
			.append(String.format("  demo reseller:  %s%n", credentials.resellerId()))
			.append(String.format("  reseller key:   %s%n", credentials.resellerKey()))
			.append(String.format("  written to:     %s%n", settings.dataDir().resolve("credentials.json")))
			.append(String.format("  logs:           %s%n", settings.dataDir().resolve("logs")))
			.append("\nPress Ctrl-C to stop.\n");
		return text.toString();
	}

	/**
	 * Stops the services first (they flush their outboxes), then the CA and the
	 * infrastructure.
	 */
	@Override
	public void close() {
		List<Thread> stopping = new ArrayList<>();
		for (JavaProcess process : services.values()) {
			stopping.add(inParallel(process::stop));
		}
		for (JavaProcess process : replicas.values()) {
			stopping.add(inParallel(process::stop));
		}
		if (sandbox != null) {
			stopping.add(inParallel(sandbox::stop));
		}
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		services.clear();
		replicas.clear();
		closeQuietly(kafka);
		closeQuietly(smtp);
		closeQuietly(mongo);
	}

	private static Thread inParallel(Runnable work) {
		Thread thread = new Thread(work, "local-stack-stop");
		thread.start();
		return thread;
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			System.err.println("[local-stack] " + ex.getMessage());
		}
	}

	private static void log(String message) {
		System.out.println("[local-stack] " + message);
	}

}
