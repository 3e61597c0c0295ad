package com.rvssl.order.api;

/** One thing wrong with a request, and where: a JSON path such as {@code customer.email} or {@code domains[1]}. */
public record FieldError(String field, String message) {
}
