package org.frontdoor.gateway.admin;

import java.util.regex.Pattern;

/**
 * Masks residents' personal data in admin output: email addresses keep their first
 * character and domain, phone numbers their last two digits.
 */
public final class Masking {

	private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");

	private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{6,}\\d");

	private Masking() {
	}

	/**
	 * Mask emails and phone numbers in free text.
	 * @param text the text, or {@code null}
	 * @return the masked text
	 */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
		return PHONE.matcher(masked).replaceAll((match) -> {
			String digits = match.group().replaceAll("\\D", "");
			return "***" + digits.substring(Math.max(0, digits.length() - 2));
		});
	}

}
