package com.rvssl.order.views;

/** A status as one audience reads it, and what it means for them. */
public record View(String status, String detail) {
}
