package org.frontdoor.nlp.text;

import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;

/**
 * Bounds and tokenizes resident text. Uses CoreNLP's PTB tokenizer, which keeps URLs,
 * email addresses, phone numbers and emoticons as single tokens so they can be dropped
 * before classification. Thread-safe; never throws for any input string.
 */
public final class TextCleaner {

	/** Only the first this many characters of a message are analyzed. */
	public static final int MAX_CHARS = 4096;

	private static final Pattern URL = Pattern
		.compile("(?i)^(https?://|www\\.|ftp://).*|^[a-z0-9.-]+\\.(com|org|net|gov|edu|us|co|io|ly)(/.*)?$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[a-zA-Z]{2,}$");

	private static final Pattern PHONE = Pattern.compile("^\\+?\\(?[0-9][0-9().\\- ]{5,}[0-9]$");

	private static final Pattern NUMBER = Pattern.compile("^#?[0-9]+(st|nd|rd|th)?$", Pattern.CASE_INSENSITIVE);

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPLIT = Pattern.compile("[-/_.+&]+");

	private static final TokenizerFactory<CoreLabel> FACTORY = PTBTokenizer.factory(new CoreLabelTokenFactory(),
			"invertible=false,untokenizable=noneDelete,ptb3Escaping=false,normalizeParentheses=false,"
					+ "normalizeOtherBrackets=false,splitHyphenated=true,splitForwardSlash=true");

	private TextCleaner() {
	}

	/**
	 * Removes what no analysis can use (control characters, unpaired surrogates, the
	 * replacement character) and caps the length.
	 * @param raw the text as received, may be {@code null}
	 * @return the bounded text and whether it was cut
	 */
	public static Bounded bound(String raw) {
		if (raw == null || raw.isEmpty()) {
			return new Bounded("", false, 0);
		}
		int originalLength = raw.length();
		String text = (raw.length() > MAX_CHARS * 2) ? raw.substring(0, MAX_CHARS * 2) : raw;
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS));
		for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					out.append(c).append(text.charAt(i + 1));
					i++;
				}
				else {
					out.append(' ');
				}
			}
			else if (Character.isLowSurrogate(c) || c == '\uFFFD' || c == '\uFEFF') {
				out.append(' ');
			}
			else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
				out.append(Character.isWhitespace(c) ? c : ' ');
			}
			else {
				out.append(c);
			}
		}
		boolean cut = originalLength > out.length() && originalLength > MAX_CHARS;
		return new Bounded(out.toString(), cut, originalLength);
	}

	/**
	 * Tokenizes text (already bounded).
	 * @param text the text
	 * @return the tokens, in order; word tokens joined by hyphens or slashes are split
	 */
	public static List<Token> tokenize(String text) {
		List<Token> tokens = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return tokens;
		}
		List<CoreLabel> labels;
		try {
			labels = FACTORY.getTokenizer(new StringReader(text)).tokenize();
		}
		catch (RuntimeException ex) {
			return fallbackTokenize(text);
		}
		for (CoreLabel label : labels) {
			String word = label.originalText() != null ? label.originalText() : label.word();
			int begin = label.beginPosition();
			int end = label.endPosition();
			addToken(tokens, word, begin, end);
		}
		return tokens;
	}

	private static List<Token> fallbackTokenize(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (i > start) {
				addToken(tokens, text.substring(start, i), start, i);
			}
		}
		return tokens;
	}

	private static void addToken(List<Token> tokens, String word, int begin, int end) {
		if (word.isEmpty()) {
			return;
		}
		if (URL.matcher(word).matches() && word.length() > 4) {
			tokens.add(new Token(word, "", Token.Kind.URL, begin, end));
			return;
		}
		if (EMAIL.matcher(word).matches()) {
			tokens.add(new Token(word, "", Token.Kind.EMAIL, begin, end));
			return;
		}
		String stripped = word.startsWith("#") && word.length() > 1 ? word.substring(1) : word;
		if (NUMBER.matcher(word).matches()) {
			tokens.add(new Token(word, fold(stripped), Token.Kind.NUMBER, begin, end));
			return;
		}
		if (PHONE.matcher(word).matches() && digits(word) >= 7) {
			tokens.add(new Token(word, "", Token.Kind.PHONE, begin, end));
			return;
		}
		if (!hasLetter(stripped)) {
			tokens.add(new Token(word, "", Token.Kind.SYMBOL, begin, end));
			return;
		}
		String[] parts = SPLIT.split(stripped);
		if (parts.length <= 1) {
			addWord(tokens, word, stripped, begin, end);
			return;
		}
		int offset = begin + (word.length() - stripped.length());
		int pos = 0;
		for (String part : parts) {
			int at = stripped.indexOf(part, pos);
			if (part.isEmpty() || at < 0) {
				continue;
			}
			pos = at + part.length();
			int b = Math.min(end, offset + at);
			addWord(tokens, part, part, b, Math.min(end, b + part.length()));
		}
	}

	private static void addWord(List<Token> tokens, String original, String word, int begin, int end) {
		String norm = fold(word);
		if (norm.endsWith("'s") || norm.endsWith("’s")) {
			norm = norm.substring(0, norm.length() - 2);
		}
		norm = trimNonLetters(norm);
		if (norm.isEmpty()) {
			tokens.add(new Token(original, "", Token.Kind.SYMBOL, begin, end));
		}
		else if (!hasLetter(norm)) {
			tokens.add(new Token(original, norm, Token.Kind.NUMBER, begin, end));
		}
		else {
			tokens.add(new Token(original, norm, Token.Kind.WORD, begin, end));
		}
	}

	private static String trimNonLetters(String s) {
		int b = 0;
		int e = s.length();
		while (b < e && !Character.isLetterOrDigit(s.charAt(b))) {
			b++;
		}
		while (e > b && !Character.isLetterOrDigit(s.charAt(e - 1))) {
			e--;
		}
		return s.substring(b, e);
	}

	/**
	 * Lowercases and removes accents ("Sí" becomes "si", "señal" becomes "senal").
	 * @param s the text
	 * @return the folded text
	 */
	public static String fold(String s) {
		String lower = s.toLowerCase(Locale.ROOT);
		boolean ascii = true;
		for (int i = 0; i < lower.length(); i++) {
			if (lower.charAt(i) > 127) {
				ascii = false;
				break;
			}
		}
		if (ascii) {
			return lower;
		}
		return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
	}

	private static boolean hasLetter(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (Character.isLetter(s.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static int digits(String s) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (Character.isDigit(s.charAt(i))) {
				n++;
			}
		}
		return n;
	}

	/**
	 * Text cut to what will be analyzed.
	 *
	 * @param text the bounded text
	 * @param truncated whether the original was longer than {@link #MAX_CHARS}
	 * @param originalLength the original length in chars
	 */
	public record Bounded(String text, boolean truncated, int originalLength) {

	}

}
