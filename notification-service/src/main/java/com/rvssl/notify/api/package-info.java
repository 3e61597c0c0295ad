/**
 * The HTTP API: the delivery log for resellers and operators, and the operator's replay.
 */
package com.rvssl.notify.api;
