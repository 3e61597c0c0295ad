package com.rvssl.gateway.adapters.digicert;

import java.util.List;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.contracts.Organization;
import com.rvssl.contracts.Validation;
import com.rvssl.gateway.adapters.CaOrderRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DigicertOrderBodyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";

	private static JsonNode body(CaOrderRequest request) {
		return JSON.readTree(JSON.writeValueAsString(DigicertOrderBody.of(request)));
	}

	@Test
	void aDvEmailOrderIsSentAsDigicertExpectsIt() {
		JsonNode body = body(new CaOrderRequest("order-1", "ssl_dv_rapidssl", Validation.DV, 24,
				List.of("example.com", "www.example.com"), CSR, new Dcv(DcvMethod.EMAIL, "admin@example.com"), null));

		assertThat(body.path("certificate").path("common_name").asString()).isEqualTo("example.com");
		assertThat(body.path("certificate").path("dns_names").values()).extracting(JsonNode::asString)
			.containsExactly("example.com", "www.example.com");
		assertThat(body.path("certificate").path("csr").asString()).isEqualTo(CSR);
		assertThat(body.path("certificate").path("signature_hash").asString()).isEqualTo("sha256");
		assertThat(body.path("certificate").path("server_platform").path("id").asInt()).isEqualTo(-1);
		assertThat(body.path("order_validity").path("years").asInt()).isEqualTo(2);
		assertThat(body.path("payment_method").asString()).isEqualTo("balance");
		assertThat(body.path("dcv_method").asString()).isEqualTo("email");
		assertThat(body.path("dcv_emails").values()).extracting(JsonNode::asString)
			.containsExactly("admin@example.com");
		assertThat(body.path("comments").asString()).isEqualTo("order-1");
		assertThat(body.has("organization")).isFalse();
	}

	@Test
	void httpAndDnsValidationUseDigicertsTokenMethodsAndNoApproverEmails() {
		JsonNode http = body(new CaOrderRequest("order-2", "ssl_dv_geotrust", Validation.DV, 12, List.of("example.com"),
				CSR, new Dcv(DcvMethod.HTTP, null), null));
		JsonNode dns = body(new CaOrderRequest("order-3", "ssl_dv_geotrust", Validation.DV, 12, List.of("example.com"),
				CSR, new Dcv(DcvMethod.DNS, null), null));

		assertThat(http.path("dcv_method").asString()).isEqualTo("http-token");
		assertThat(dns.path("dcv_method").asString()).isEqualTo("dns-txt-token");
		assertThat(http.has("dcv_emails")).isFalse();
	}

	@Test
	void anOrderShorterThanAYearStillAsksForOneYear() {
		JsonNode body = body(new CaOrderRequest("order-4", "ssl_dv_geotrust", Validation.DV, 6, List.of("example.com"),
				CSR, new Dcv(DcvMethod.DNS, null), null));

		assertThat(body.path("order_validity").path("years").asInt()).isEqualTo(1);
	}

	@Test
	void anOvOrderNamesTheAccountsOrganization() {
		Organization organization = new Organization("Example Ltd", "GB", "London", "1 High St", "+44 20 0000",
				new Organization.Contact("Bob", "bob@example.com", "+44 20 0001"));
		JsonNode body = body(new CaOrderRequest("order-5", "ssl_basic", Validation.OV, 12, List.of("example.com"), CSR,
				new Dcv(DcvMethod.EMAIL, "admin@example.com"), organization));

		assertThat(body.path("organization").path("id").asInt()).isEqualTo(1);
	}

}
