package com.rvssl.order.settings;

import java.time.Instant;

import com.rvssl.order.orders.AutoOrderMode;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A reseller's chosen Auto Order Setup; no document means the default, AUTOMATIC. */
@Document("auto_order_settings")
public record AutoOrderSetting(@Id String resellerId, AutoOrderMode mode, Instant changedAt) {
}
