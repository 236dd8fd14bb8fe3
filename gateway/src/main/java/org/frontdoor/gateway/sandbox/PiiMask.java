package org.frontdoor.gateway.sandbox;

/**
 * Masks a resident's contact details for display: enough for staff to tell two residents
 * apart, not enough to contact or identify them.
 */
final class PiiMask {

	private static final char MASK = '•';

	private PiiMask() {
	}

	/**
	 * Mask a phone number, keeping its punctuation and last two digits.
	 * @param phone e.g. {@code +1 617-555-0123}, or {@code null}
	 * @return e.g. {@code +• •••-•••-••23}, or {@code null}
	 */
	static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		int digits = (int) phone.chars().filter(Character::isDigit).count();
		StringBuilder masked = new StringBuilder(phone.length());
		int seen = 0;
		for (char c : phone.toCharArray()) {
			if (Character.isDigit(c)) {
				seen++;
				masked.append((seen > digits - 2) ? c : MASK);
			}
			else {
				masked.append(c);
			}
		}
		return masked.toString();
	}

	/**
	 * Mask an email address, keeping the first character and the domain.
	 * @param email e.g. {@code jane.doe@example.com}, or {@code null}
	 * @return e.g. {@code j•••@example.com}, or {@code null}
	 */
	static String email(String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		if (at <= 0) {
			return String.valueOf(MASK).repeat(3);
		}
		return email.charAt(0) + String.valueOf(MASK).repeat(3) + email.substring(at);
	}

	/**
	 * Reduce a name to initials.
	 * @param first the given name, or {@code null}
	 * @param last the family name, or {@code null}
	 * @return e.g. {@code J. D.}, or {@code null} when both are missing
	 */
	static String initials(String first, String last) {
		String initials = (initial(first) + " " + initial(last)).trim();
		return initials.isEmpty() ? null : initials;
	}

	private static String initial(String name) {
		return (name == null || name.isBlank()) ? ""
				: name.strip()
					.codePoints()
					.limit(1)
					.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + ".";
	}

}
