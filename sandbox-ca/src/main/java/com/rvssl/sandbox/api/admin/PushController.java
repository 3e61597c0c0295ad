package com.rvssl.sandbox.api.admin;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.rvssl.sandbox.push.PushControl;
import com.rvssl.sandbox.push.PushMode;
import com.rvssl.sandbox.push.SectigoPushUrls;

/** The test's controls over pushes and the Sectigo accounts' push URLs. */
@RestController
@RequestMapping("/sandbox")
class PushController {

	/** The body of {@code POST /sandbox/push}. */
	record PushRequest(@NotNull @Pattern(regexp = "digicert|sectigo") String api, @NotNull PushMode mode,
			@PositiveOrZero Long delayMillis, @DecimalMin("0.0") @DecimalMax("1.0") Double dropProbability) {
	}

	/** The body of {@code PUT /sandbox/sectigo/push-url}. */
	record PushUrl(@NotBlank String loginName, @NotBlank @Pattern(regexp = "https?://.+") String url) {
	}

	private final PushControl control;

	private final SectigoPushUrls sectigoUrls;

	PushController(PushControl control, SectigoPushUrls sectigoUrls) {
		this.control = control;
		this.sectigoUrls = sectigoUrls;
	}

	@PostMapping("/push")
	PushControl.Setting set(@Valid @RequestBody PushRequest request) {
		PushControl.Setting setting = new PushControl.Setting(request.api(), request.mode(),
				(request.delayMillis() != null) ? request.delayMillis() : 0, (request.dropProbability() != null)
						? request.dropProbability() : ((request.mode() == PushMode.DROP) ? 1.0 : 0.0));
		this.control.set(setting);
		return setting;
	}

	@GetMapping("/push")
	Map<String, PushControl.Setting> settings() {
		return Map.of("digicert", this.control.of("digicert"), "sectigo", this.control.of("sectigo"));
	}

	@DeleteMapping("/push")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset() {
		this.control.reset();
	}

	@PutMapping("/sectigo/push-url")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void pushUrl(@Valid @RequestBody PushUrl request) {
		this.sectigoUrls.set(request.loginName(), request.url());
	}

	@GetMapping("/sectigo/push-url")
	Map<String, String> pushUrls() {
		return this.sectigoUrls.all();
	}

}
