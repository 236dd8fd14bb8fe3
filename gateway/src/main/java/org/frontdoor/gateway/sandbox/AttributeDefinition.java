package org.frontdoor.gateway.sandbox;

import java.util.List;

/**
 * One attribute of a service definition ({@code GET services/{code}}).
 *
 * @param variable whether the user supplies a value ({@code false}: information only, or
 * set by the client system itself, like {@code external_id})
 * @param code the attribute code, sent as {@code attribute[code]}
 * @param datatype the kind of value
 * @param required whether a request without it is refused
 * @param datatypeDescription help on the expected input, or {@code null}
 * @param order the display order (1 first)
 * @param description the question or label shown to the user
 * @param values the options of a list attribute (empty for the others)
 */
public record AttributeDefinition(boolean variable, String code, Datatype datatype, boolean required,
		String datatypeDescription, int order, String description, List<ListValue> values) {

	public AttributeDefinition {
		values = List.copyOf(values);
	}

	/**
	 * The form parameter name of this attribute.
	 * @return e.g. {@code attribute[size]}
	 */
	public String parameter() {
		return "attribute[" + this.code + "]";
	}

}
