package com.rvssl.contracts;

/**
 * What proves control of one domain, in words a customer can follow:
 * <ul>
 * <li>{@code EMAIL}: {@code target} is the approver address the CA mailed, {@code value}
 * is null;</li>
 * <li>{@code HTTP}: {@code target} is the URL the CA will fetch, {@code value} the file's
 * content;</li>
 * <li>{@code DNS}: {@code target} is the record name, {@code value} the TXT (or CNAME)
 * value.</li>
 * </ul>
 */
public record DcvInstruction(DcvMethod method, String domain, String target, String value) {
}
