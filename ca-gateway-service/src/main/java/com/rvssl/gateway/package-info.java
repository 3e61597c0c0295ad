/**
 * The CA gateway service: keeps the submission spec of each order, submits paid orders to their CA
 * exactly once, cancels them there, and answers status-sync's questions about CA orders.
 */
package com.rvssl.gateway;
