/**
 * The CA gateway service: keeps the submission spec of each order, submits paid orders to
 * their CA exactly once (DigiCert-style or Sectigo-style), cancels, reissues and resends
 * DCV there, and answers status-sync's questions about CA orders.
 */
package com.rvssl.gateway;
