package org.frontdoor.channels.email.inbound;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the text of a MIME part whatever charset label the sender put on it, and never
 * throws: real mail carries misspelled, vendor-specific, obsolete and plainly wrong
 * labels.
 * <ul>
 * <li>Labels are normalized through {@link #ALIASES} (e.g. Outlook's
 * {@code ks_c_5601-1987} is Windows code page 949, {@code gb2312} is decoded as its
 * superset GB18030, {@code iso-8859-1} and {@code us-ascii} as their superset
 * windows-1252, as browsers do).</li>
 * <li>{@code UTF-7} (RFC 2152), which the JDK lacks, is decoded here.</li>
 * <li>Missing, ASCII or Latin-1 labels: bytes that are valid UTF-8 are read as UTF-8
 * (mail clients often send UTF-8 under a wrong label), anything else as
 * windows-1252.</li>
 * <li>Unknown labels fall back the same way, and the fallback is reported so it can be
 * noted in the message metadata.</li>
 * </ul>
 */
public final class MailCharsets {

	/**
	 * Charset labels seen in real mail that the JDK does not know or decodes too
	 * narrowly.
	 */
	static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("ks_c_5601-1987", "x-windows-949"),
			Map.entry("ks_c_5601", "x-windows-949"), Map.entry("ksc5601", "x-windows-949"),
			Map.entry("euc-kr", "x-windows-949"), Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"),
			Map.entry("x-gbk", "GB18030"), Map.entry("cp936", "GB18030"), Map.entry("iso-8859-1", "windows-1252"),
			Map.entry("latin1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
			Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
			Map.entry("ansi_x3.4-1968", "windows-1252"), Map.entry("iso-8859-8-i", "ISO-8859-8"),
			Map.entry("iso-8859-6-i", "ISO-8859-6"), Map.entry("macintosh", "x-MacRoman"),
			Map.entry("x-mac-roman", "x-MacRoman"), Map.entry("mac", "x-MacRoman"), Map.entry("utf8", "UTF-8"),
			Map.entry("x-sjis", "Shift_JIS"), Map.entry("sjis", "Shift_JIS"), Map.entry("x-euc-jp", "EUC-JP"),
			Map.entry("cp-850", "IBM850"), Map.entry("cp850", "IBM850"), Map.entry("x-user-defined", "windows-1252"));

	private static final Charset FALLBACK = Charset.forName("windows-1252");

	private MailCharsets() {
	}

	/**
	 * Decode bytes labelled with a charset.
	 * @param bytes the decoded (transfer-encoding already undone) bytes
	 * @param label the charset label as declared, or {@code null}
	 * @return the text and how it was decoded
	 */
	public static Decoded decode(byte[] bytes, String label) {
		String normalized = normalize(label);
		if (normalized == null || isAsciiOrLatin1(normalized)) {
			return guessUtf8OrWindows1252(bytes, label, false);
		}
		if (normalized.equals("utf-7") || normalized.equals("unicode-1-1-utf-7") || normalized.equals("x-utf-7")) {
			return new Decoded(Utf7.decode(bytes), "UTF-7", false);
		}
		Charset charset = lookup(normalized);
		if (charset == null) {
			return guessUtf8OrWindows1252(bytes, label, true);
		}
		if (charset.equals(StandardCharsets.UTF_8)) {
			String strict = strictUtf8(bytes);
			if (strict != null) {
				return new Decoded(strict, "UTF-8", false);
			}
			// Declared UTF-8 but not UTF-8: almost always windows-1252 typed by hand.
			return new Decoded(new String(bytes, FALLBACK), FALLBACK.name(), true);
		}
		return new Decoded(new String(bytes, charset), charset.name(), false);
	}

	/**
	 * The JDK charset for a label, after {@link #ALIASES}, or {@code null} when unknown.
	 * @param label a charset label
	 * @return the charset or {@code null}
	 */
	public static Charset lookup(String label) {
		String normalized = normalize(label);
		if (normalized == null) {
			return null;
		}
		String name = ALIASES.getOrDefault(normalized, normalized);
		try {
			return Charset.forName(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isAsciiOrLatin1(String normalized) {
		String target = ALIASES.get(normalized);
		return "windows-1252".equals(target) && !normalized.equals("x-user-defined");
	}

	private static Decoded guessUtf8OrWindows1252(byte[] bytes, String label, boolean unknownLabel) {
		if (isPureAscii(bytes)) {
			return new Decoded(new String(bytes, StandardCharsets.US_ASCII), "US-ASCII", unknownLabel);
		}
		String strict = strictUtf8(bytes);
		if (strict != null) {
			return new Decoded(strict, "UTF-8", unknownLabel || label != null);
		}
		return new Decoded(new String(bytes, FALLBACK), FALLBACK.name(), unknownLabel);
	}

	private static boolean isPureAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	private static String strictUtf8(byte[] bytes) {
		try {
			CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static String normalize(String label) {
		if (label == null) {
			return null;
		}
		String trimmed = label.trim();
		if (trimmed.length() >= 2 && (trimmed.startsWith("\"") || trimmed.startsWith("'"))) {
			trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
		}
		return trimmed.isEmpty() ? null : trimmed.toLowerCase(Locale.ROOT);
	}

	/**
	 * Decoded text.
	 *
	 * @param text the text
	 * @param charset the charset actually used
	 * @param fellBack whether the declared label was unknown or wrong and a fallback was
	 * used
	 */
	public record Decoded(String text, String charset, boolean fellBack) {

	}

	/** RFC 2152 UTF-7, which the JDK does not ship. */
	static final class Utf7 {

		private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

		private Utf7() {
		}

		static String decode(byte[] bytes) {
			StringBuilder out = new StringBuilder(bytes.length);
			int i = 0;
			while (i < bytes.length) {
				char c = (char) (bytes[i] & 0xFF);
				if (c != '+') {
					out.append(c);
					i++;
					continue;
				}
				i++;
				if (i < bytes.length && bytes[i] == '-') {
					out.append('+');
					i++;
					continue;
				}
				int bits = 0;
				int bitCount = 0;
				while (i < bytes.length) {
					int value = BASE64.indexOf(bytes[i] & 0xFF);
					if (value < 0) {
						break;
					}
					bits = (bits << 6) | value;
					bitCount += 6;
					if (bitCount >= 16) {
						bitCount -= 16;
						out.append((char) ((bits >> bitCount) & 0xFFFF));
					}
					i++;
				}
				if (i < bytes.length && bytes[i] == '-') {
					i++;
				}
			}
			return out.toString();
		}

	}

}
