package org.frontdoor.channels.email.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The top-level header fields of a mail, in order, unfolded, values raw (not decoded):
 * enough for the loop rules, threading and authentication results.
 */
public final class MailHeaders {

	private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]+");

	private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

	private final List<Field> fields;

	/**
	 * Create headers from fields.
	 * @param fields the fields in order
	 */
	public MailHeaders(List<Field> fields) {
		this.fields = List.copyOf(fields);
	}

	/**
	 * The first value of a field.
	 * @param name the field name, any case
	 * @return the unfolded, trimmed value, or {@code null}
	 */
	public String first(String name) {
		for (Field field : this.fields) {
			if (field.name().equalsIgnoreCase(name)) {
				return field.value();
			}
		}
		return null;
	}

	/**
	 * Every value of a field, top (most recently added) first.
	 * @param name the field name, any case
	 * @return the values
	 */
	public List<String> all(String name) {
		List<String> values = new ArrayList<>();
		for (Field field : this.fields) {
			if (field.name().equalsIgnoreCase(name)) {
				values.add(field.value());
			}
		}
		return values;
	}

	/**
	 * Whether a field is present with a non-blank value.
	 * @param name the field name
	 * @return {@code true} if present
	 */
	public boolean has(String name) {
		String value = first(name);
		return value != null && !value.isBlank();
	}

	/**
	 * The first value in lower case, trimmed, or an empty string.
	 * @param name the field name
	 * @return the normalized value
	 */
	public String lower(String name) {
		String value = first(name);
		return (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * All fields.
	 * @return the fields
	 */
	public List<Field> fields() {
		return this.fields;
	}

	/**
	 * Unfold a raw header value: CRLF followed by white space becomes a space.
	 * @param raw the raw value
	 * @return the unfolded, trimmed value
	 */
	public static String unfold(String raw) {
		if (raw == null) {
			return null;
		}
		if (raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) {
			return raw.trim();
		}
		return LINE_BREAK.matcher(FOLD.matcher(raw).replaceAll(" ")).replaceAll("").trim();
	}

	/**
	 * One header field.
	 *
	 * @param name the name as written
	 * @param value the unfolded value
	 */
	public record Field(String name, String value) {

	}

}
