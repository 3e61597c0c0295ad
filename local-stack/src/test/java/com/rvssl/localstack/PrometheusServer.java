package com.rvssl.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (the Debian package CI installs) scraping the stack's
 * processes, so a test can ask it with PromQL what operators and dashboards will see.
 */
final class PrometheusServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final String url;

	private final HttpClient http = HttpClient.newHttpClient();

	private PrometheusServer(Process process, String url) {
		this.process = process;
		this.url = url;
	}

	static boolean installed() {
		return Files.isExecutable(Path.of("/usr/bin/prometheus"));
	}

	/**
	 * Starts Prometheus scraping {@code /actuator/prometheus} of every job's
	 * {@code host:port} each second.
	 */
	static PrometheusServer scraping(Map<String, String> targetsByJob, Path dir) throws IOException {
		Files.createDirectories(dir);
		StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n")
			.append("scrape_configs:\n");
		targetsByJob.forEach((job, target) -> config.append("  - job_name: ")
			.append(job)
			.append("\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: ['")
			.append(target)
			.append("']\n"));
		Path configFile = dir.resolve("prometheus.yml");
		Files.writeString(configFile, config);
		int port = StackSettings.Ports.free().order();
		Process process = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + configFile,
				"--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("prometheus.log").toFile())
			.start();
		PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port);
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.until(() -> server.get("/-/ready").statusCode() == 200);
		return server;
	}

	/** The samples of an instant PromQL query. */
	List<JsonNode> query(String promql) throws Exception {
		HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		JsonNode result = JSON.readTree(response.body()).at("/data/result");
		return result.isArray()
				? JSON.convertValue(result, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class))
				: List.of();
	}

	/** The value of a query that must return exactly one sample. */
	double value(String promql) throws Exception {
		List<JsonNode> samples = query(promql);
		if (samples.size() != 1) {
			throw new AssertionError(promql + " returned " + samples.size() + " samples");
		}
		return Double.parseDouble(samples.get(0).at("/value/1").asString());
	}

	/** The names of every series Prometheus has stored, sorted. */
	List<String> metricNames() throws Exception {
		JsonNode names = JSON.readTree(get("/api/v1/label/__name__/values").body()).at("/data");
		List<String> sorted = new java.util.ArrayList<>();
		names.forEach(name -> sorted.add(name.asString()));
		java.util.Collections.sort(sorted);
		return sorted;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
