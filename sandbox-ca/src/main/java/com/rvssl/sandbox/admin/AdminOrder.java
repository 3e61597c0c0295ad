package com.rvssl.sandbox.admin;

import java.time.Instant;

import com.rvssl.sandbox.orders.CaOrder;

/** An order as the admin API lists it (with what the caller asked of it since: resends, reissues). */
record AdminOrder(String api, String caOrderId, String reference, String product, String status,
        Instant createdAt, int dcvEmailsResent, int reissues, boolean refunded, String serialNumber) {

    static AdminOrder of(CaOrder order) {
        return new AdminOrder(order.api(), Long.toString(order.id()), order.reference(), order.product(),
                order.status().apiValue(), order.createdAt(), order.dcvEmailsResent(), order.reissues(),
                order.refunded(), (order.certificate() != null) ? order.certificate().serialNumber() : null);
    }
}
