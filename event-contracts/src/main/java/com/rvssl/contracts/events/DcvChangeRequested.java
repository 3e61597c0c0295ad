package com.rvssl.contracts.events;

import com.rvssl.contracts.Dcv;

/**
 * The reseller switched the order's domain-control validation to another method (or
 * another approver address) while the CA still waits for it.
 */
public record DcvChangeRequested(Dcv dcv) implements OrderEvent {
}
