package com.rvssl.order.views;

/** The same order status for the three audiences. */
public record Views(View client, View admin, View provider) {
}
