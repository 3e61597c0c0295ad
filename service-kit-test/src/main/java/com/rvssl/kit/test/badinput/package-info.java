/**
 * Generated bad-input runs: jqwik generators of clearly invalid requests for a service's
 * API (malformed JSON, wrong types, boundary numbers, hostile and oversized strings,
 * wrong content types and methods, bad credentials and headers, other resellers' ids),
 * sent to the running application, each answer checked to be a 4xx problem and the
 * database checked unchanged afterwards.
 */
package com.rvssl.kit.test.badinput;
