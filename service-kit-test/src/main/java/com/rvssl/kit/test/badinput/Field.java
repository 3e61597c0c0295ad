package com.rvssl.kit.test.badinput;

import java.util.List;

/**
 * A field of a request body, by its JSON pointer into the valid template, with what makes
 * a value of it invalid.
 *
 * @param pointer where it is in the template ({@code /customer/email},
 * {@code /domains/0})
 * @param type what it holds
 * @param max the most characters (text) or items (array) it may have; 0 for no bound
 * @param required whether a body without it is invalid
 * @param badLiterals JSON literals it refuses besides those its type implies (boundary
 * numbers, URLs of places the platform must not call)
 */
public record Field(String pointer, Type type, int max, boolean required, List<String> badLiterals) {

	/** What a field holds, which decides its invalid values. */
	public enum Type {

		/** Free text: any string within {@code max} is valid, a longer one is not. */
		TEXT,

		/**
		 * A constrained string (an email, a code, an enum, a URL, a PEM): every hostile
		 * string is invalid there.
		 */
		CODE,

		/** A number, with the literals it refuses. */
		NUMBER,

		/** A nested object. */
		OBJECT,

		/** An array, of at most {@code max} items. */
		ARRAY

	}

	public static Field text(String pointer, int max) {
		return new Field(pointer, Type.TEXT, max, false, List.of());
	}

	public static Field code(String pointer) {
		return new Field(pointer, Type.CODE, 0, false, List.of());
	}

	public static Field number(String pointer, String... badLiterals) {
		return new Field(pointer, Type.NUMBER, 0, false, List.of(badLiterals));
	}

	public static Field object(String pointer) {
		return new Field(pointer, Type.OBJECT, 0, false, List.of());
	}

	public static Field array(String pointer, int max) {
		return new Field(pointer, Type.ARRAY, max, false, List.of());
	}

	/** The same field, which a valid body must have. */
	public Field mandatory() {
		return new Field(this.pointer, this.type, this.max, true, this.badLiterals);
	}

	/** The same field, refusing these JSON literals too. */
	public Field refusing(String... literals) {
		List<String> more = new java.util.ArrayList<>(this.badLiterals);
		more.addAll(List.of(literals));
		return new Field(this.pointer, this.type, this.max, this.required, more);
	}

}
