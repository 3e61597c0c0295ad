package com.rvssl.sandbox.api.digicert;

import java.util.Arrays;
import java.util.Optional;

import com.rvssl.sandbox.orders.ValidationLevel;

/** The DigiCert product ids the sandbox sells, with their validation level. */
enum DigicertProduct {

	SSL_DV_GEOTRUST("ssl_dv_geotrust", ValidationLevel.DV), SSL_DV_RAPIDSSL("ssl_dv_rapidssl", ValidationLevel.DV),
	SSL_BASIC("ssl_basic", ValidationLevel.OV), SSL_SECURESITE_PRO("ssl_securesite_pro", ValidationLevel.OV),
	SSL_WILDCARD("ssl_wildcard", ValidationLevel.OV), SSL_EV_BASIC("ssl_ev_basic", ValidationLevel.EV);

	private final String nameId;

	private final ValidationLevel validation;

	DigicertProduct(String nameId, ValidationLevel validation) {
		this.nameId = nameId;
		this.validation = validation;
	}

	static Optional<DigicertProduct> byNameId(String nameId) {
		return Arrays.stream(values()).filter((product) -> product.nameId.equals(nameId)).findFirst();
	}

	String nameId() {
		return this.nameId;
	}

	ValidationLevel validation() {
		return this.validation;
	}

	/**
	 * DigiCert's product type for a validation level, e.g. {@code dv_ssl_certificate}.
	 */
	static String typeOf(ValidationLevel validation) {
		return switch (validation) {
			case DV -> "dv_ssl_certificate";
			case OV -> "ov_ssl_certificate";
			case EV -> "ev_ssl_certificate";
		};
	}

}
