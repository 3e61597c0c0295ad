package com.rvssl.sandbox.push;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * The test's say over pushes, per API: mode, delay and drop probability. Default: on, no
 * delay.
 */
@Component
public class PushControl {

	/** One API's setting. */
	public record Setting(String api, PushMode mode, long delayMillis, double dropProbability) {

		static Setting on(String api) {
			return new Setting(api, PushMode.ON, 0, 0);
		}
	}

	private final Map<String, Setting> settings = new ConcurrentHashMap<>();

	public void set(Setting setting) {
		this.settings.put(setting.api(), setting);
	}

	public void reset() {
		this.settings.clear();
	}

	public Setting of(String api) {
		return this.settings.getOrDefault(api, Setting.on(api));
	}

	/** Whether this delivery goes out at all. */
	boolean sends(String api) {
		Setting setting = of(api);
		return switch (setting.mode()) {
			case ON -> true;
			case OFF -> false;
			case DROP -> ThreadLocalRandom.current().nextDouble() >= setting.dropProbability();
		};
	}

	Duration delay(String api) {
		return Duration.ofMillis(of(api).delayMillis());
	}

}
