package org.frontdoor.templates;

/**
 * Text clean-up shared by model values and rendered output. Single passes over the
 * characters, no regular expressions: this runs for every value of every message.
 */
final class Texts {

	/** Short-channel ellipsis: GSM-7, so it never forces UCS-2. */
	static final String SHORT_ELLIPSIS = "...";

	/** Ellipsis on email and chat. */
	static final String LONG_ELLIPSIS = "…";

	/** The line that starts an email signature (RFC 3676 §4.3). */
	private static final String SIGNATURE_DELIMITER = "-- ";

	private Texts() {
	}

	/**
	 * Cleans a model value: control characters and bidirectional overrides (which can
	 * disguise text) removed, line endings normalized, runs of spaces collapsed, no
	 * leading or trailing space; everything on one line unless {@code multiLine}, where
	 * at most one blank line is kept between paragraphs.
	 */
	static String cleanValue(String value, boolean multiLine) {
		StringBuilder out = new StringBuilder(value.length());
		int newlines = 0;
		boolean space = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\r') {
				if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
					continue;
				}
				c = '\n';
			}
			if (c == '\u2028' || c == '\u2029') {
				c = '\n';
			}
			if (c == '\n' && multiLine) {
				newlines++;
				space = false;
			}
			else if (c == '\n' || isHorizontalSpace(c)) {
				space |= newlines == 0;
			}
			else if (!isUnsafe(c)) {
				if (!out.isEmpty()) {
					if (newlines > 0) {
						out.append((newlines > 1) ? "\n\n" : "\n");
					}
					else if (space) {
						out.append(' ');
					}
				}
				newlines = 0;
				space = false;
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Tidies a rendered plain-text body: no trailing spaces (except in the signature
	 * delimiter {@code "-- "}, which mail programs rely on), at most one blank line in a
	 * row, no blank lines at the start or end.
	 */
	static String cleanOutput(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int blank = 0;
		int start = 0;
		while (start <= text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			String line = text.substring(start, end);
			if (line.endsWith("\r")) {
				line = line.substring(0, line.length() - 1);
			}
			if (!line.equals(SIGNATURE_DELIMITER)) {
				line = line.stripTrailing();
			}
			if (line.isEmpty()) {
				blank++;
			}
			else {
				if (!out.isEmpty()) {
					out.append((blank > 0) ? "\n\n" : "\n");
				}
				out.append(line);
				blank = 0;
			}
			start = end + 1;
		}
		return out.toString();
	}

	/** A rendered subject on one line. */
	static String oneLine(String text) {
		return cleanValue(text, false);
	}

	/**
	 * Cuts a text to at most {@code max} UTF-16 units, at a word boundary when one is
	 * close, ending with the ellipsis. Never splits a surrogate pair.
	 * @return the text, unchanged when it fits
	 */
	static String truncate(String text, int max, String ellipsis) {
		if (text.length() <= max) {
			return text;
		}
		if (max <= ellipsis.length()) {
			return ellipsis.substring(0, Math.max(0, max));
		}
		int cut = max - ellipsis.length();
		if (Character.isHighSurrogate(text.charAt(cut - 1))) {
			cut--;
		}
		int space = text.lastIndexOf(' ', cut);
		if (space >= cut * 0.6) {
			cut = space;
		}
		String head = text.substring(0, cut).stripTrailing();
		while (!head.isEmpty() && ",;:-–(".indexOf(head.charAt(head.length() - 1)) >= 0) {
			head = head.substring(0, head.length() - 1).stripTrailing();
		}
		return head + ellipsis;
	}

	private static boolean isHorizontalSpace(char c) {
		return c == ' ' || c == '\t' || c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F'
				|| c == '\u3000';
	}

	/**
	 * C0/C1 controls (line feed and tab are handled before) and bidirectional overrides.
	 */
	private static boolean isUnsafe(char c) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E')
				|| (c >= '\u2066' && c <= '\u2069');
	}

}
