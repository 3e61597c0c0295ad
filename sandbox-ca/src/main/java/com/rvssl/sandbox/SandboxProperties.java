package com.rvssl.sandbox;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's settings ({@code sandbox.*}).
 *
 * @param dataDir where the CA's keys and the orders are kept between restarts; none keeps
 * everything in memory
 * @param digicert the DigiCert-style API's settings
 * @param dv how domain-validated orders are approved
 * @param sectigo the Sectigo-style reseller API's settings
 * @param validation the pace of domain checks and of OV/EV steps
 * @param push how status pushes go out
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(Path dataDir, @DefaultValue Digicert digicert, @DefaultValue Dv dv,
		@DefaultValue Sectigo sectigo, @DefaultValue Validation validation, @DefaultValue Push push) {

	@ConstructorBinding
	public SandboxProperties {
	}

	/** Without Sectigo and validation settings: the defaults. */
	public SandboxProperties(Path dataDir, Digicert digicert, Dv dv) {
		this(dataDir, digicert, dv, new Sectigo("sandbox-reseller", "sandbox-password", Duration.ofDays(30), null),
				new Validation(Duration.ofDays(1), Duration.ofSeconds(5)), new Push(3, Duration.ofSeconds(1)));
	}

	/**
	 * A push the receiver did not take (no answer, or not a 2xx) is sent again, as the
	 * vendors do: Sectigo documents up to three retries; DigiCert retries too, its
	 * schedule unpublished, so the sandbox uses the same.
	 *
	 * @param retries how often a failed push is sent again
	 * @param firstRetryAfter the wait before the first retry, doubled before each next
	 */
	public record Push(@DefaultValue("3") int retries, @DefaultValue("PT1S") Duration firstRetryAfter) {
	}

	/**
	 * @param loginName the {@code loginName} every call must carry
	 * @param loginPassword the {@code loginPassword} every call must carry
	 * @param refundWindow how long after issuance a revoked certificate is still refunded
	 * @param pushUrl where the default account's status pushes go (none: no pushes)
	 */
	public record Sectigo(@DefaultValue("sandbox-reseller") String loginName,
			@DefaultValue("sandbox-password") String loginPassword, @DefaultValue("P30D") Duration refundWindow,
			String pushUrl) {
	}

	/**
	 * @param ovStepAfter how long, on the sandbox's clock, each OV/EV step takes by
	 * itself (documents, call, review); the admin API moves an order on sooner
	 * @param checkInterval how often pending HTTP and DNS validations are checked without
	 * being asked
	 */
	public record Validation(@DefaultValue("P1D") Duration ovStepAfter, @DefaultValue("PT5S") Duration checkInterval) {
	}

	/**
	 * @param apiKey the value {@code X-DC-DEVKEY} must carry
	 * @param limits the request limits per key
	 */
	public record Digicert(@DefaultValue("sandbox-devkey") String apiKey, @DefaultValue Limits limits) {
	}

	/**
	 * DigiCert's published limits: 100 requests per 5 seconds and 1000 per 5 minutes per
	 * key.
	 */
	public record Limits(@DefaultValue("100") int shortWindowRequests, @DefaultValue("PT5S") Duration shortWindow,
			@DefaultValue("1000") int longWindowRequests, @DefaultValue("PT5M") Duration longWindow) {
	}

	/**
	 * @param autoApprove whether DV orders are approved without anyone's help
	 * @param approveAfter how long after submission a DV order counts as validated
	 */
	public record Dv(@DefaultValue("true") boolean autoApprove, @DefaultValue("PT3S") Duration approveAfter) {
	}
}
