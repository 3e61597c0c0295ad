package com.rvssl.order.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and security of the OpenAPI 3 description served at {@code /v3/api-docs} (and
 * checked into {@code docs/openapi/order-service.json}, so the WHMCS addon can be
 * generated or checked against it).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "RVssl order-service", version = "v1",
		description = "The API a WHMCS addon drives: catalog and prices, Auto Order Setup, orders, CSR and DCV helpers. "
				+ "Request bodies are application/json only (anything else is a 415); amounts are minor units "
				+ "from 0 to 100000000000, currencies ISO 4217 codes. "
				+ "Errors are RFC 9457 application/problem+json."),
		security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "the reseller's (or the operator's) API key")
class OpenApiDescription {

	/**
	 * Every operation may answer with an RFC 9457 problem; the addon handles them in one
	 * place.
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
				.addProperty("message", new StringSchema());
			Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
				.addProperty("type", new StringSchema().format("uri"))
				.addProperty("title", new StringSchema())
				.addProperty("status", new IntegerSchema())
				.addProperty("detail", new StringSchema())
				.addProperty("instance", new StringSchema())
				.addProperty("errors", new ArraySchema().items(fieldError));
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas("Problem", problem);
			ApiResponse problemResponse = new ApiResponse()
				.description("a problem: 400/422 bad input, 401 no key, 403 wrong key, 404 not yours or unknown, "
						+ "409 not in this state, 413 too large, 415 a body that is not application/json, "
						+ "429 rate limited (Retry-After)")
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.values()
					.forEach((path) -> path.readOperations()
						.forEach((operation) -> operation.getResponses().addApiResponse("4XX", problemResponse)));
			}
		};
	}

}
