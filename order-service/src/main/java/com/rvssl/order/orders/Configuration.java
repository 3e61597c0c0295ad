package com.rvssl.order.orders;

import com.rvssl.contracts.Dcv;
import com.rvssl.contracts.Organization;

/**
 * What makes an order ready for the CA: the CSR, how the domain is validated and, for
 * OV/EV, who it is for.
 */
public record Configuration(String csr, Dcv dcv, Organization organization) {
}
