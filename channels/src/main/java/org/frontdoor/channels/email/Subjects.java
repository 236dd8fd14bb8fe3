package org.frontdoor.channels.email;

import java.util.regex.Pattern;

/**
 * Reply and forward prefixes in subjects, in the languages mail clients write them: the
 * analyzer reads the subject without them, and replies carry exactly one {@code Re:}.
 */
public final class Subjects {

	/**
	 * One prefix: English {@code Re}/{@code Fw}/{@code Fwd}, Spanish {@code RV} and
	 * {@code RE}, German {@code AW}/{@code WG}, Nordic {@code SV}/{@code VS}/{@code VB},
	 * French {@code TR}, Dutch {@code Antw}/{@code Doorst}, Portuguese
	 * {@code Res}/{@code Enc}, Polish {@code Odp}, Italian {@code Rif}, optionally
	 * counted ({@code Re[2]:}, {@code Re(3):}) or with a full-width colon; and a leading
	 * {@code [list tag]}.
	 */
	private static final Pattern PREFIX = Pattern
		.compile("^\\s*(?:(?:re|fw|fwd|rv|aw|wg|sv|vs|vb|tr|antw|antwort|doorst|res|enc|odp|ref|rif|atb|vl)"
				+ "\\s*(?:\\[\\d+]|\\(\\d+\\))?\\s*[:：]|\\[[^]\\n]{1,40}])\\s*", Pattern.CASE_INSENSITIVE);

	private static final int MAX_PREFIXES = 20;

	private Subjects() {
	}

	/**
	 * The subject without reply/forward prefixes, trimmed.
	 * @param subject the subject, or {@code null}
	 * @return the normalized subject, or {@code null} when none was given
	 */
	public static String normalize(String subject) {
		if (subject == null) {
			return null;
		}
		String result = subject.strip();
		for (int i = 0; i < MAX_PREFIXES; i++) {
			String stripped = PREFIX.matcher(result).replaceFirst("");
			if (stripped.equals(result)) {
				break;
			}
			result = stripped;
		}
		return result.strip();
	}

	/**
	 * The subject of a reply: {@code Re: } and the original without its prefixes, never
	 * {@code Re: Re:}.
	 * @param original the subject replied to, or {@code null}
	 * @param fallback the subject to use when the original is blank (no {@code Re:})
	 * @return the reply subject
	 */
	public static String reply(String original, String fallback) {
		String normalized = normalize(original);
		if (normalized == null || normalized.isEmpty()) {
			return fallback;
		}
		return "Re: " + normalized;
	}

}
