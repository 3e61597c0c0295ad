package com.rvssl.sandbox.api.sectigo;

import java.util.List;

/**
 * A family of the reseller API's operations, served by one class; the controller finds
 * them all.
 */
interface SectigoOperations {

	List<SectigoOperation> operations();

}
