package org.frontdoor.gateway.sandbox;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A GeoReport v2 attribute {@code datatype}, with the check a submitted value must pass.
 */
public enum Datatype {

	/** A line of text, without line breaks. */
	STRING((value, attribute) -> (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)
			? Optional.of("line breaks are not allowed in a string") : Optional.empty()),

	/** A numeric value. */
	NUMBER((value, attribute) -> isNumber(value) ? Optional.empty() : Optional.of("not a number")),

	/** A value that must transform into a valid ISO 8601 date. */
	DATETIME((value, attribute) -> W3cDateTime.parse(value, ZoneOffset.UTC).isPresent() ? Optional.empty()
			: Optional.of("not an ISO 8601 date/time (e.g. 2026-11-21T08:00:00-05:00)")),

	/** Text that may contain line breaks. */
	TEXT((value, attribute) -> Optional.empty()),

	/** One key of the attribute's values. */
	SINGLEVALUELIST(Datatype::checkKey),

	/** Any number of keys of the attribute's values. */
	MULTIVALUELIST(Datatype::checkKey);

	private final ValueCheck check;

	Datatype(ValueCheck check) {
		this.check = check;
	}

	/**
	 * The value as written in a service definition.
	 * @return e.g. {@code singlevaluelist}
	 */
	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the attribute offers a list of values.
	 * @return {@code true} for the two list types
	 */
	public boolean isList() {
		return this == SINGLEVALUELIST || this == MULTIVALUELIST;
	}

	/**
	 * Whether several values may be sent
	 * ({@code attribute[code][]=a&attribute[code][]=b}).
	 * @return {@code true} for {@code multivaluelist}
	 */
	public boolean isMultiValued() {
		return this == MULTIVALUELIST;
	}

	/**
	 * Check one submitted value.
	 * @param value the value (not blank)
	 * @param attribute the attribute it was sent for
	 * @return what is wrong with it, or empty when it is acceptable
	 */
	public Optional<String> problem(String value, AttributeDefinition attribute) {
		return this.check.problem(value, attribute);
	}

	/**
	 * Read a catalog value.
	 * @param value e.g. {@code number}
	 * @return the datatype, or empty when unknown
	 */
	public static Optional<Datatype> of(String value) {
		return Arrays.stream(values()).filter((type) -> type.wireValue().equalsIgnoreCase(value.trim())).findFirst();
	}

	private static boolean isNumber(String value) {
		try {
			new BigDecimal(value.trim());
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static Optional<String> checkKey(String value, AttributeDefinition attribute) {
		if (attribute.values().stream().anyMatch((option) -> option.key().equals(value))) {
			return Optional.empty();
		}
		return Optional.of(Problems.quote(value) + " is not one of "
				+ attribute.values().stream().map(ListValue::key).collect(Collectors.joining(", ")));
	}

	@FunctionalInterface
	private interface ValueCheck {

		Optional<String> problem(String value, AttributeDefinition attribute);

	}

}
