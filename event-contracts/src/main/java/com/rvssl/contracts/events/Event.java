package com.rvssl.contracts.events;

/**
 * A payload carried by an {@link com.rvssl.contracts.EventEnvelope}. The JSON
 * {@code type} of an event is its simple class name, so renaming a record is a breaking
 * change of the contract.
 */
public sealed interface Event permits OrderEvent, AccountEvent {

	/**
	 * Bumped when a field changes meaning or is removed; adding an optional field is not
	 * a bump.
	 */
	int SCHEMA_VERSION = 1;

	default String type() {
		return getClass().getSimpleName();
	}

}
