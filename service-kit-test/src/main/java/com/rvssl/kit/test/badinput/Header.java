package com.rvssl.kit.test.badinput;

/** One request header as sent (a name may appear twice). */
public record Header(String name, String value) {

}
