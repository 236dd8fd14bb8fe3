package org.frontdoor.templates.sms;

import java.text.Normalizer;
import java.util.Map;

/**
 * The GSM 03.38 default alphabet and its extension table, and a transliteration that maps
 * common non-GSM characters (Spanish {@code á í ó ú}, typographic quotes and dashes,
 * ellipsis, non-breaking spaces) to GSM-7 look-alikes.
 */
public final class Gsm7 {

	/**
	 * The 127 printable characters of the default alphabet, in table order (0x1B, the
	 * escape to the extension table, is not a character and is left out).
	 */
	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	/** The extension table: each costs two septets (escape + character). */
	private static final String EXTENSION = "\f^{}\\[~]|€";

	/**
	 * Replacements for characters outside GSM-7 that have a natural GSM-7 spelling.
	 * Letters not listed here lose their diacritics by Unicode decomposition when that
	 * yields a GSM-7 letter.
	 */
	private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(Map.entry(0x2018, "'"),
			Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x201B, "'"), Map.entry(0x2032, "'"),
			Map.entry(0x00B4, "'"), Map.entry(0x0060, "'"), Map.entry(0x201C, "\""), Map.entry(0x201D, "\""),
			Map.entry(0x201E, "\""), Map.entry(0x2033, "\""), Map.entry(0x00AB, "\""), Map.entry(0x00BB, "\""),
			Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
			Map.entry(0x2014, "-"), Map.entry(0x2015, "-"), Map.entry(0x2212, "-"), Map.entry(0x2026, "..."),
			Map.entry(0x2022, "-"), Map.entry(0x00B7, "-"), Map.entry(0x00A0, " "), Map.entry(0x2007, " "),
			Map.entry(0x2009, " "), Map.entry(0x200A, " "), Map.entry(0x202F, " "), Map.entry(0x0009, " "),
			Map.entry(0x200B, ""), Map.entry(0x200C, ""), Map.entry(0x200D, ""), Map.entry(0xFEFF, ""),
			Map.entry(0x00AA, "a"), Map.entry(0x00BA, "o"), Map.entry(0x00B0, "o"), Map.entry(0x00E7, "c"),
			Map.entry(0x0153, "oe"), Map.entry(0x0152, "OE"), Map.entry(0x0141, "L"), Map.entry(0x0142, "l"),
			Map.entry(0x0110, "D"), Map.entry(0x0111, "d"), Map.entry(0x0131, "i"));

	/** Septet cost of every BMP character: 1, 2, or 0 when not GSM-7. */
	private static final byte[] COST = new byte[0x10000];

	static {
		for (int i = 0; i < BASIC.length(); i++) {
			COST[BASIC.charAt(i)] = 1;
		}
		for (int i = 0; i < EXTENSION.length(); i++) {
			COST[EXTENSION.charAt(i)] = 2;
		}
	}

	private Gsm7() {
	}

	/**
	 * How many septets a character costs in GSM-7.
	 * @param codePoint a Unicode code point
	 * @return 1 for the default alphabet, 2 for the extension table, 0 when the character
	 * cannot be sent as GSM-7
	 */
	public static int septets(int codePoint) {
		return (codePoint >= 0 && codePoint < COST.length) ? COST[codePoint] : 0;
	}

	/**
	 * Whether a character can be sent as GSM-7.
	 * @param codePoint a Unicode code point
	 * @return {@code true} for the default alphabet and the extension table
	 */
	public static boolean isGsm7(int codePoint) {
		return septets(codePoint) > 0;
	}

	/**
	 * Whether every character of a text can be sent as GSM-7.
	 * @param text the text
	 * @return {@code true} when the whole text is GSM-7
	 */
	public static boolean isEncodable(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (COST[text.charAt(i)] == 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Replaces characters that are not GSM-7 with their closest GSM-7 spelling where one
	 * exists ({@code á → a}, {@code Ó → O}, curly quotes → straight quotes,
	 * {@code … → ...}, non-breaking space → space). GSM-7 characters, including
	 * {@code é ñ ü ¿ ¡}, are kept as they are; characters without a GSM-7 spelling
	 * (emoji, other scripts) are kept too, so the result may still need UCS-2.
	 * @param text the text
	 * @return the transliterated text
	 */
	public static String transliterate(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> out.append(transliterate(cp)));
		return out.toString();
	}

	private static String transliterate(int cp) {
		if (isGsm7(cp)) {
			return Character.toString(cp);
		}
		String replacement = REPLACEMENTS.get(cp);
		if (replacement != null) {
			return replacement;
		}
		String stripped = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		if (!stripped.isEmpty() && isEncodable(stripped)) {
			return stripped;
		}
		return Character.toString(cp);
	}

}
