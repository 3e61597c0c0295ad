package com.rvssl.gateway.adapters.sectigo;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.DcvMethod;
import com.rvssl.gateway.adapters.CaOrderStatus.State;
import com.rvssl.gateway.adapters.CaRefusal;
import com.rvssl.gateway.adapters.CaUnavailable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SectigoReplyTests {

	@Test
	void aReplyIsReadAsKeyValueLinesWithErrorCodeFirst() {
		SectigoReply reply = SectigoReply.parse("errorCode=0\norderNumber=1234\ncertificateID=99\ntotalCost=10.00\n");

		assertThat(reply.errorCode()).isZero();
		assertThat(reply.successOrThrow().required("orderNumber")).isEqualTo("1234");
	}

	@Test
	void aBodyThatDoesNotStartWithErrorCodeIsUnreadableNotARefusal() {
		assertThatThrownBy(() -> SectigoReply.parse("<html><body>Proxy error errorCode=0</body></html>"))
			.isInstanceOf(CaUnavailable.class);
		assertThatThrownBy(() -> SectigoReply.parse("")).isInstanceOf(CaUnavailable.class);
	}

	@Test
	void anInvalidArgumentIsARefusalNamingTheArgument() {
		SectigoReply reply = SectigoReply
			.parse("errorCode=-4\nerrorItem=csr\nerrorMessage=The value of the 'csr' argument is invalid!\n");

		assertThatThrownBy(reply::successOrThrow).isInstanceOfSatisfying(CaRefusal.class, refusal -> {
			assertThat(refusal.code()).isEqualTo("sectigo_-4_csr");
			assertThat(refusal.httpStatus()).isEqualTo(400);
		});
	}

	@Test
	void anUnknownOrderNumberIsANotFoundRefusal() {
		SectigoReply reply = SectigoReply.parse("errorCode=-4\nerrorItem=orderNumber\nerrorMessage=No such order.\n");

		assertThatThrownBy(reply::successOrThrow).isInstanceOfSatisfying(CaRefusal.class,
				refusal -> assertThat(refusal.httpStatus()).isEqualTo(404));
	}

	@Test
	void theCallLimitAnUnknownErrorAndAWrongLoginMeanTryLaterNotNo() {
		for (String code : new String[] { "-42", "-14", "-16" }) {
			SectigoReply reply = SectigoReply.parse("errorCode=" + code + "\nerrorMessage=x\n");
			assertThatThrownBy(reply::successOrThrow).as(code).isInstanceOf(CaUnavailable.class);
		}
	}

	@Test
	void statusCodesMapToOurStates() {
		Dcv dcv = new Dcv(DcvMethod.EMAIL, "admin@example.com");
		assertThat(state("6", dcv)).isEqualTo(State.ISSUED);
		assertThat(state("7", dcv)).isEqualTo(State.REJECTED);
		assertThat(state("8", dcv)).isEqualTo(State.CANCELLED);
		assertThat(state("12", dcv)).isEqualTo(State.PENDING_VALIDATION);
		assertThat(state("2", dcv)).isEqualTo(State.PENDING_VALIDATION);
		assertThat(
				SectigoAdapter
					.statusOf(
							SectigoReply.parse(
									"errorCode=0\ncertificateStatus=Rejected\nstatusCode=7\nrejectionReason=Bad org\n"),
							dcv)
					.detail())
			.isEqualTo("Bad org");
	}

	private static State state(String statusCode, Dcv dcv) {
		return SectigoAdapter
			.statusOf(SectigoReply.parse("errorCode=0\ncertificateStatus=x\nstatusCode=" + statusCode + "\n"), dcv)
			.state();
	}

}
