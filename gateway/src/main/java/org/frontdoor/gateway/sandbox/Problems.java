package org.frontdoor.gateway.sandbox;

/**
 * Helpers for error descriptions that echo what a client sent: bounded and printable.
 */
final class Problems {

	private static final int MAX_ECHO = 40;

	private Problems() {
	}

	/**
	 * Quote a client's value for an error description.
	 * @param value the value as sent
	 * @return e.g. {@code 'huge'}, at most 40 characters of it, control characters
	 * replaced
	 */
	static String quote(String value) {
		String printable = value.replaceAll("\\p{Cntrl}", "?");
		if (printable.length() > MAX_ECHO) {
			printable = printable.substring(0, MAX_ECHO) + "…";
		}
		return "'" + printable + "'";
	}

}
