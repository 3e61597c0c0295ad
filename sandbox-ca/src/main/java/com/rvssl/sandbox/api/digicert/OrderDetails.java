package com.rvssl.sandbox.api.digicert;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import com.rvssl.sandbox.orders.CaOrder;
import com.rvssl.sandbox.orders.IssuedCertificate;

/**
 * The reply to {@code GET /services/v2/order/certificate/{order_id}}: besides DigiCert's
 * fields, the order's {@code dcv_random_value}, its {@code domains} with their
 * {@code dcv_status}, and (a sandbox addition, absent once the order left
 * {@code pending}) the {@code validation_step}. {@code order_valid_till} is the end of
 * the order's plan (DigiCert's multi-year plans), {@code certificate.valid_till} that of
 * the latest certificate; a reissue that waits for validation again is
 * {@code reissue_pending}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderDetails(long id, String status, Certificate certificate, Product product,
		@JsonProperty("order_valid_till") String orderValidTill, @JsonProperty("dcv_method") String dcvMethod,
		String comments, @JsonProperty("date_created") String dateCreated,
		@JsonProperty("rejection_reason") String rejectionReason,
		@JsonProperty("dcv_random_value") String dcvRandomValue, List<DomainStatus> domains,
		@JsonProperty("validation_step") String validationStep) {

	record DomainStatus(long id, String name, @JsonProperty("dcv_status") String dcvStatus) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Certificate(long id, @JsonProperty("common_name") String commonName,
			@JsonProperty("dns_names") List<String> dnsNames, @JsonProperty("serial_number") String serialNumber,
			@JsonProperty("valid_from") String validFrom, @JsonProperty("valid_till") String validTill,
			@JsonProperty("days_remaining") Long daysRemaining) {
	}

	record Product(@JsonProperty("name_id") String nameId, String type) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	/** DigiCert prints creation times like {@code 2026-11-25T21:06:33+00:00}. */
	private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	static OrderDetails of(CaOrder order, Clock clock) {
		IssuedCertificate issued = order.certificate();
		Certificate certificate = (issued == null)
				? new Certificate(order.certificateId(), order.commonName(), order.dnsNames(), null, null, null, null)
				: new Certificate(order.certificateId(), order.commonName(), order.dnsNames(), issued.serialNumber(),
						day(issued.notBefore()), day(issued.notAfter()),
						Math.max(0, Duration.between(clock.instant(), issued.notAfter()).toDays()));
		return new OrderDetails(order.id(), status(order), certificate,
				new Product(order.product(), DigicertProduct.typeOf(order.validation())),
				(order.planEnd() != null) ? day(order.planEnd()) : null, order.dcvMethod(), order.reference(),
				CREATED.format(order.createdAt().atOffset(ZoneOffset.UTC)), order.rejectionReason(),
				order.dcvRandomValue(),
				order.domains()
					.stream()
					.map((domain) -> new DomainStatus(domain.id(), domain.name(), dcvStatus(order)))
					.toList(),
				(order.step() != null) ? order.step().apiValue() : null);
	}

	/** DigiCert's status words; a reissue waiting for validation is its own. */
	static String status(CaOrder order) {
		return order.reissuing() ? "reissue_pending" : order.status().apiValue();
	}

	/**
	 * Domain control is complete once the order is past it: issued, or an OV/EV order
	 * (its domains are pre-validated here).
	 */
	private static String dcvStatus(CaOrder order) {
		return (order.status() == com.rvssl.sandbox.orders.OrderStatus.PENDING
				&& order.step() == com.rvssl.sandbox.orders.ValidationStep.DOMAIN_CONTROL) ? "pending" : "complete";
	}

	private static String day(java.time.Instant instant) {
		return DAY.format(LocalDate.ofInstant(instant, ZoneOffset.UTC));
	}
}
