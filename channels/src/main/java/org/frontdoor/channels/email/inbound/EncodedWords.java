package org.frontdoor.channels.email.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded-words ({@code =?charset?B|Q?…?=}) in header values, with the
 * charset leniency of {@link MailCharsets}: an unknown or wrong charset, bad base64 or a
 * word split in the middle of a multi-byte character never fails the header. Adjacent
 * encoded-words in the same charset are joined before decoding (mailers split long UTF-8
 * subjects anywhere), and the whitespace between encoded-words is dropped as the RFC
 * says.
 */
public final class EncodedWords {

	private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

	private static final Pattern BETWEEN_WORDS = Pattern.compile("\\s*");

	private EncodedWords() {
	}

	/**
	 * Decode a header value.
	 * @param value the unfolded raw value, or {@code null}
	 * @return the decoded text, or {@code null}
	 */
	public static String decode(String value) {
		if (value == null || !value.contains("=?")) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		Matcher matcher = WORD.matcher(value);
		int last = 0;
		String pendingCharset = null;
		ByteArrayOutputStream pending = new ByteArrayOutputStream();
		while (matcher.find()) {
			String between = value.substring(last, matcher.start());
			boolean adjacent = pendingCharset != null && BETWEEN_WORDS.matcher(between).matches();
			String charset = stripLanguage(matcher.group(1));
			if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
				flush(out, pending, pendingCharset);
				pendingCharset = null;
				if (!adjacent) {
					out.append(between);
				}
			}
			byte[] bytes = decodeWord(matcher.group(2), matcher.group(3));
			pending.writeBytes(bytes);
			pendingCharset = charset;
			last = matcher.end();
		}
		flush(out, pending, pendingCharset);
		out.append(value.substring(last));
		return out.toString();
	}

	private static String stripLanguage(String charset) {
		int star = charset.indexOf('*');
		return (star >= 0) ? charset.substring(0, star) : charset;
	}

	private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
		if (pending.size() > 0) {
			out.append(MailCharsets.decode(pending.toByteArray(), charset).text());
			pending.reset();
		}
	}

	private static byte[] decodeWord(String encoding, String text) {
		if (encoding.equalsIgnoreCase("B")) {
			String cleaned = text.replaceAll("[^A-Za-z0-9+/]", "");
			int remainder = cleaned.length() % 4;
			if (remainder == 1) {
				cleaned = cleaned.substring(0, cleaned.length() - 1);
			}
			else if (remainder > 1) {
				cleaned = cleaned + "=".repeat(4 - remainder);
			}
			try {
				return Base64.getDecoder().decode(cleaned);
			}
			catch (IllegalArgumentException ex) {
				return text.getBytes(StandardCharsets.US_ASCII);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '_') {
				out.write(' ');
			}
			else if (c == '=' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
					&& Character.digit(text.charAt(i + 2), 16) >= 0) {
				out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
				i += 2;
			}
			else {
				out.write(c & 0xFF);
			}
		}
		return out.toByteArray();
	}

}
