package com.rvssl.order.api;

import com.rvssl.kit.problem.InvalidField;
import jakarta.validation.constraints.Size;
import com.rvssl.order.dcv.ApproverEmails;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What WHMCS offers the customer to choose from for email validation. */
@RestController
class DcvController {

	@GetMapping("/api/v1/dcv/approver-emails")
	Responses.ApproverEmailsJson approverEmails(@RequestParam(required = false) @Size(max = 253) String domain) {
		if (domain == null || domain.isBlank()) {
			throw InvalidRequestException.unreadable("domain", "the domain query parameter is required");
		}
		try {
			return new Responses.ApproverEmailsJson(domain.trim().toLowerCase(java.util.Locale.ROOT),
					ApproverEmails.of(domain));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
					ex.getMessage(), java.util.List.of(new InvalidField("domain", ex.getMessage())));
		}
	}

}
