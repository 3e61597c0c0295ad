/**
 * Domain control validation facts the API offers WHMCS: the approver addresses a CA
 * accepts.
 */
package com.rvssl.order.dcv;
