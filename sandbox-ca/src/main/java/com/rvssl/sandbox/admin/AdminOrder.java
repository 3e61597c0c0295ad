package com.rvssl.sandbox.admin;

import java.time.Instant;

import com.rvssl.sandbox.orders.CaOrder;

/** An order as the admin API lists it. */
record AdminOrder(String api, String caOrderId, String reference, String product, String status,
        Instant createdAt) {

    static AdminOrder of(CaOrder order) {
        return new AdminOrder(order.api(), Long.toString(order.id()), order.reference(), order.product(),
                order.status().apiValue(), order.createdAt());
    }
}
