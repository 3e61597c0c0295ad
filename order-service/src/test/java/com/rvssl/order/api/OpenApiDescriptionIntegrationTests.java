package com.rvssl.order.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.rvssl.order.support.OrderServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description the service serves is the one checked into docs/openapi, so the
 * file cannot drift from the code. Run with {@code -Drvssl.openapi.write=true} to rewrite
 * the file after an intended API change (and review the diff).
 */
class OpenApiDescriptionIntegrationTests extends OrderServiceIntegrationTest {

	private static final Path CHECKED_IN = Path.of(System.getProperty("user.dir"))
		.resolve("../docs/openapi/order-service.json")
		.normalize();

	@Test
	void theServedDescriptionMatchesTheCheckedInFile() throws IOException {
		JsonNode served = http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		ObjectNode description = (ObjectNode) served.deepCopy();
		// the server URL carries the test's random port: not part of the contract
		description.remove("servers");

		if (Boolean.getBoolean("rvssl.openapi.write")) {
			Files.createDirectories(CHECKED_IN.getParent());
			Files.writeString(CHECKED_IN,
					JsonMapper.builder()
						.enable(SerializationFeature.INDENT_OUTPUT)
						.build()
						.writeValueAsString(description) + "\n");
		}
		assertThat(Files.exists(CHECKED_IN)).as("%s exists (run once with -Drvssl.openapi.write=true)", CHECKED_IN)
			.isTrue();
		assertThat(JSON.readTree(Files.readString(CHECKED_IN))).isEqualTo(description);
		assertThat(description.at("/paths").propertyNames()).contains("/api/v1/orders", "/api/v1/orders/{id}/events",
				"/api/v1/products/{code}/prices/{termMonths}", "/api/v1/settings/auto-order",
				"/api/v1/dcv/approver-emails");
	}

}
