package com.rvssl.order.settings;

import java.time.Instant;

import reactor.core.publisher.Mono;

import com.rvssl.order.orders.AutoOrderMode;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Each reseller's Auto Order Setup, read when an order is configured (at create or
 * later).
 */
@Component
public class AutoOrderSettings {

	/**
	 * New resellers get orders going without a step of their own, as the demo flow
	 * expects.
	 */
	public static final AutoOrderMode DEFAULT = AutoOrderMode.AUTOMATIC;

	private final ReactiveMongoTemplate mongo;

	public AutoOrderSettings(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<AutoOrderMode> modeOf(String resellerId) {
		return mongo.findById(resellerId, AutoOrderSetting.class).map(AutoOrderSetting::mode).defaultIfEmpty(DEFAULT);
	}

	public Mono<AutoOrderMode> change(String resellerId, AutoOrderMode mode) {
		return mongo.save(new AutoOrderSetting(resellerId, mode, Instant.now())).map(AutoOrderSetting::mode);
	}

}
