package org.frontdoor.channels.email.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Line-level helpers for mail text: line-ending normalization, RFC 3676
 * {@code format=flowed} unwrapping, and tidying.
 */
public final class TextLines {

	private TextLines() {
	}

	/**
	 * Split text into lines, accepting CRLF, CR and LF.
	 * @param text the text
	 * @return the lines (no terminators)
	 */
	public static List<String> lines(String text) {
		return List.of(normalizeNewlines(text).split("\n", -1));
	}

	/**
	 * Replace CRLF and lone CR with LF.
	 * @param text the text
	 * @return the normalized text
	 */
	public static String normalizeNewlines(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\u200B\\uFEFF]");

	/**
	 * Trim trailing whitespace on each line, remove control characters (NUL, bell…, zero
	 * width spaces), keep at most one blank line in a row, drop leading and trailing
	 * blank lines.
	 * @param text the text
	 * @return the tidied text
	 */
	public static String tidy(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean previousBlank = true;
		int pendingBlank = 0;
		for (String line : lines(text)) {
			String trimmed = stripTrailing(hasControl(line) ? CONTROL.matcher(line).replaceAll("") : line);
			if (trimmed.isBlank() || trimmed.replace('\u00A0', ' ').isBlank()) {
				if (!previousBlank) {
					pendingBlank = 1;
				}
				previousBlank = true;
				continue;
			}
			if (pendingBlank > 0 && out.length() > 0) {
				out.append('\n');
			}
			pendingBlank = 0;
			if (out.length() > 0) {
				out.append('\n');
			}
			out.append(trimmed);
			previousBlank = false;
		}
		return out.toString();
	}

	/**
	 * Undo RFC 3676 {@code format=flowed}: a line ending in a space continues on the next
	 * line (same quote depth), space-stuffing is removed, and with {@code DelSp=yes} the
	 * trailing space itself was added by the sender and is dropped. The signature
	 * separator {@code "-- "} is never joined.
	 * @param text the text as sent
	 * @param delSp whether {@code DelSp=yes} was declared
	 * @return the unwrapped text
	 */
	public static String unflow(String text, boolean delSp) {
		List<String> result = new ArrayList<>();
		StringBuilder paragraph = null;
		int paragraphDepth = 0;
		for (String raw : lines(text)) {
			int depth = 0;
			while (depth < raw.length() && raw.charAt(depth) == '>') {
				depth++;
			}
			String content = raw.substring(depth);
			if (content.startsWith(" ")) {
				content = content.substring(1);
			}
			boolean signature = content.equals("-- ");
			boolean flowed = !signature && content.endsWith(" ");
			if (paragraph != null && depth != paragraphDepth) {
				result.add(quotePrefix(paragraphDepth) + paragraph);
				paragraph = null;
			}
			String piece = (flowed && delSp) ? content.substring(0, content.length() - 1) : content;
			if (paragraph == null) {
				paragraph = new StringBuilder(piece);
				paragraphDepth = depth;
			}
			else {
				paragraph.append(piece);
			}
			if (!flowed) {
				result.add(quotePrefix(paragraphDepth) + paragraph);
				paragraph = null;
			}
		}
		if (paragraph != null) {
			result.add(quotePrefix(paragraphDepth) + paragraph);
		}
		return String.join("\n", result);
	}

	private static String quotePrefix(int depth) {
		return (depth == 0) ? "" : ">".repeat(depth) + " ";
	}

	private static boolean hasControl(String line) {
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7F || c == '\u200B' || c == '\uFEFF') {
				return true;
			}
		}
		return false;
	}

	static String stripTrailing(String line) {
		int end = line.length();
		while (end > 0 && (Character.isWhitespace(line.charAt(end - 1)) || line.charAt(end - 1) == '\u00A0')) {
			end--;
		}
		return line.substring(0, end);
	}

}
