/**
 * The page a mailed approval link opens, in HTML for the approver's browser.
 */
package com.rvssl.sandbox.api.approval;
