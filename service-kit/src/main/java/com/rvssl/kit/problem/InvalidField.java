package com.rvssl.kit.problem;

/**
 * One thing wrong with a request, and where: a JSON path such as {@code customer.email}
 * or {@code domains[1]}; an entry of a problem's {@code errors}.
 */
public record InvalidField(String field, String message) {
}
