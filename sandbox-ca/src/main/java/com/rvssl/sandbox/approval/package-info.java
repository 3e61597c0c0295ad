/**
 * DV approval by email, as real CAs do it: the approver gets a one-time link by SMTP, the
 * link's page asks for a click (a GET never approves: mail scanners prefetch links), the
 * POST approves the domain, and an order whose every domain is approved is issued.
 */
package com.rvssl.sandbox.approval;
