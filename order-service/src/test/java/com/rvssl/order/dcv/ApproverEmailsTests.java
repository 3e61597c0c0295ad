package com.rvssl.order.dcv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApproverEmailsTests {

	@Test
	void aSubdomainOffersItsOwnMailboxesThenThoseOfEachParentDownToTheRegistrableDomain() {
		assertThat(ApproverEmails.of("shop.eu.example.com")).containsExactly("admin@shop.eu.example.com",
				"administrator@shop.eu.example.com", "hostmaster@shop.eu.example.com", "postmaster@shop.eu.example.com",
				"webmaster@shop.eu.example.com", "admin@eu.example.com", "administrator@eu.example.com",
				"hostmaster@eu.example.com", "postmaster@eu.example.com", "webmaster@eu.example.com",
				"admin@example.com", "administrator@example.com", "hostmaster@example.com", "postmaster@example.com",
				"webmaster@example.com");
	}

	@Test
	void aWildcardIsValidatedAtTheNameBelowIt() {
		assertThat(ApproverEmails.of("*.Example.com")).hasSize(5).first().isEqualTo("admin@example.com");
	}

	@Test
	void aCountryCodeSecondLevelSuffixIsNotOfferedAsAnApproverDomain() {
		assertThat(ApproverEmails.of("www.shop.co.th")).hasSize(10).last().isEqualTo("webmaster@shop.co.th");
		assertThat(ApproverEmails.of("example.de")).hasSize(5);
	}

	@Test
	void somethingThatIsNotARegistrableDomainIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ApproverEmails.of("com"));
		assertThatIllegalArgumentException().isThrownBy(() -> ApproverEmails.of("co.uk"));
		assertThatIllegalArgumentException().isThrownBy(() -> ApproverEmails.of("not a domain"));
		assertThatIllegalArgumentException().isThrownBy(() -> ApproverEmails.of(""));
	}

}
