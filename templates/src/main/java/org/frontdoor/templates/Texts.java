package org.frontdoor.templates;

import java.util.regex.Pattern;

/**
 * Text clean-up shared by model values and rendered output.
 */
final class Texts {

	/** Short-channel ellipsis: GSM-7, so it never forces UCS-2. */
	static final String SHORT_ELLIPSIS = "...";

	/** Ellipsis on email and chat. */
	static final String LONG_ELLIPSIS = "…";

	/**
	 * Control and invisible formatting characters a value must not carry: C0/C1 controls
	 * except line feed and tab, and bidirectional overrides (which can disguise text).
	 */
	private static final Pattern UNSAFE = Pattern
		.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029]");

	private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x{00A0}\\x{2000}-\\x{200A}\\x{202F} ]+");

	private static final Pattern ANY_SPACE = Pattern.compile("\\s+");

	private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");

	/** The line that starts an email signature (RFC 3676 §4.3). */
	private static final String SIGNATURE_DELIMITER = "-- ";

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private Texts() {
	}

	/**
	 * Cleans a model value: line endings normalized, unsafe characters removed, runs of
	 * spaces collapsed, and everything on one line unless {@code multiLine}.
	 */
	static String cleanValue(String value, boolean multiLine) {
		String s = value.replace("\r\n", "\n").replace('\r', '\n');
		s = UNSAFE.matcher(s).replaceAll("");
		if (!multiLine) {
			return ANY_SPACE.matcher(s).replaceAll(" ").strip();
		}
		s = HORIZONTAL_SPACE.matcher(s).replaceAll(" ");
		s = TRAILING_SPACE.matcher(s).replaceAll("\n");
		return BLANK_LINES.matcher(s).replaceAll("\n\n").strip();
	}

	/**
	 * Tidies a rendered plain-text body: no trailing spaces (except in the signature
	 * delimiter {@code "-- "}, which mail programs rely on), at most one blank line.
	 */
	static String cleanOutput(String text) {
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		StringBuilder out = new StringBuilder(text.length());
		for (String line : lines) {
			out.append(SIGNATURE_DELIMITER.equals(line) ? line : line.stripTrailing()).append('\n');
		}
		return BLANK_LINES.matcher(out).replaceAll("\n\n").strip();
	}

	/** A rendered subject on one line. */
	static String oneLine(String text) {
		return ANY_SPACE.matcher(UNSAFE.matcher(text).replaceAll("")).replaceAll(" ").strip();
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

}
