package com.rvssl.order;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.rvssl.kit.test.ServiceStructureTests;
import com.rvssl.order.csr.CsrDecoder;
import com.rvssl.order.csr.CsrReader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The structure every service keeps: it shares only the contracts and the kit, HTTP is
 * served from the api package alone, the domain knows nothing of HTTP or Kafka, names are
 * business words.
 */
class StructureTests extends ServiceStructureTests {

	StructureTests() {
		super("com.rvssl.order", List.of("api"),
				List.of("orders", "views", "catalog", "csr", "certificates", "pricing", "settings", "dcv"));
	}

	/**
	 * Decoding a CSR verifies a signature, too slow for the event loop: it goes through
	 * the reader, which runs it on the CSR threads with a time limit.
	 */
	@Test
	void csrsAreDecodedOnlyThroughTheReader() {
		noClasses().that()
			.doNotBelongToAnyOf(CsrReader.class, CsrDecoder.class)
			.should()
			.callMethod(CsrDecoder.class, "decode", String.class)
			.because("the CSR reader keeps signature work off the event loop")
			.check(classes());
	}

}
