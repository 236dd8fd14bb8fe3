package org.frontdoor.gateway.open311;

import java.util.List;

/**
 * One attribute of a service definition.
 *
 * @param code the attribute code (sent as {@code attribute[code]})
 * @param variable whether the resident provides it ({@code false}: informational)
 * @param datatype the datatype
 * @param rawDatatype the datatype as the backend wrote it
 * @param required whether the backend insists on it
 * @param datatypeDescription help text for the value, or {@code null}
 * @param order the display order
 * @param description the question to ask, or {@code null}
 * @param values allowed values of list attributes
 * @param automated mySociety's {@code automated} marker ({@code hidden_field},
 * {@code server_set}): filled by software, never asked, or {@code null}
 */
public record ServiceAttribute(String code, boolean variable, Datatype datatype, String rawDatatype, boolean required,
		String datatypeDescription, int order, String description, List<AttributeValue> values, String automated) {

	/**
	 * Whether a resident should be asked for this attribute: variable and not filled
	 * automatically.
	 * @return {@code true} if it is a question
	 */
	public boolean askable() {
		return this.variable && this.automated == null;
	}

	/** GeoReport v2 attribute datatypes. */
	public enum Datatype {

		/** A short string. */
		STRING,

		/** A number. */
		NUMBER,

		/** A date and time. */
		DATETIME,

		/** Free text. */
		TEXT,

		/** One value of {@link ServiceAttribute#values()}. */
		SINGLEVALUELIST,

		/** Several values of {@link ServiceAttribute#values()}. */
		MULTIVALUELIST,

		/** Something else (kept as {@link ServiceAttribute#rawDatatype()}). */
		UNKNOWN

	}

}
