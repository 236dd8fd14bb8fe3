package org.frontdoor.channels.email.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

/**
 * Reduces an RTF body (from a TNEF {@code PR_RTF_COMPRESSED}) to plain text. When the RTF
 * encapsulates HTML ({@code \fromhtml1}, MS-OXRTFEX), the HTML is de-encapsulated
 * ({@code \*\htmltag} groups and the text outside {@code \htmlrtf} blocks) and rendered
 * by {@link HtmlText}; otherwise the visible text is kept ({@code \par}/{@code \line} as
 * line breaks, {@code \'hh} in the document's ANSI code page, &#92;uN with its &#92;ucN
 * fallback skipped) and font tables, style sheets, pictures, objects and other ignorable
 * destinations are dropped. Group nesting is tracked on an explicit stack, so hostile
 * nesting cannot overflow the call stack.
 */
final class RtfText {

	private static final Set<String> SKIPPED_DESTINATIONS = Set.of("fonttbl", "colortbl", "stylesheet", "info", "pict",
			"object", "header", "footer", "headerl", "headerr", "headerf", "footerl", "footerr", "footerf", "listtable",
			"listoverridetable", "rsidtbl", "generator", "xmlnsdecl", "themedata", "colorschememapping", "latentstyles",
			"datastore", "fldinst", "mmathPr", "revtbl", "filetbl", "userprops", "docvar", "mhtmltag", "nonshppict",
			"shpinst", "pgdsctbl", "listpicture", "xmlopen", "xmlclose", "wgrffmtfilter");

	private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("par", "\n"), Map.entry("line", "\n"),
			Map.entry("sect", "\n"), Map.entry("page", "\n"), Map.entry("row", "\n"), Map.entry("cell", " "),
			Map.entry("tab", "\t"), Map.entry("emdash", "\u2014"), Map.entry("endash", "\u2013"),
			Map.entry("bullet", "\u2022"), Map.entry("lquote", "\u2018"), Map.entry("rquote", "\u2019"),
			Map.entry("ldblquote", "\u201C"), Map.entry("rdblquote", "\u201D"), Map.entry("emspace", " "),
			Map.entry("enspace", " "), Map.entry("qmspace", " "));

	private static final int MAX_DEPTH = 10_000;

	private RtfText() {
	}

	/**
	 * Extract the text of an RTF document.
	 * @param rtf the RTF bytes
	 * @param defaultCharset the charset for {@code \'hh} escapes until {@code \ansicpg}
	 * says otherwise
	 * @return the text
	 */
	static String toText(byte[] rtf, Charset defaultCharset) {
		Scanner scanner = new Scanner(rtf, defaultCharset);
		scanner.run();
		String text = scanner.out.toString();
		return scanner.html ? HtmlText.toText(text) : TextLines.tidy(text);
	}

	private static final class Group {

		private boolean skip;

		private boolean htmlTag;

		private boolean suppressed;

		private int unicodeSkip = 1;

		private boolean pendingIgnorable;

		Group copy() {
			Group group = new Group();
			group.skip = this.skip;
			group.htmlTag = this.htmlTag;
			group.suppressed = this.suppressed;
			group.unicodeSkip = this.unicodeSkip;
			return group;
		}

	}

	private static final class Scanner {

		private final byte[] in;

		private final StringBuilder out = new StringBuilder();

		private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();

		private final Deque<Group> stack = new ArrayDeque<>();

		private Group group = new Group();

		private Charset charset;

		private boolean html;

		private int skipChars;

		private int position;

		Scanner(byte[] in, Charset charset) {
			this.in = in;
			this.charset = charset;
		}

		void run() {
			while (this.position < this.in.length) {
				int c = this.in[this.position++] & 0xFF;
				switch (c) {
					case '{' -> {
						flush();
						if (this.stack.size() < MAX_DEPTH) {
							this.stack.push(this.group);
						}
						this.group = this.group.copy();
					}
					case '}' -> {
						flush();
						this.group = this.stack.isEmpty() ? new Group() : this.stack.pop();
					}
					case '\\' -> control();
					case '\r', '\n' -> {
					}
					default -> character((byte) c);
				}
			}
			flush();
		}

		private void control() {
			if (this.position >= this.in.length) {
				return;
			}
			int c = this.in[this.position] & 0xFF;
			if (Character.isLetter(c)) {
				controlWord();
				return;
			}
			this.position++;
			switch (c) {
				case '\'' -> {
					if (this.position + 2 <= this.in.length) {
						int value = Character.digit(this.in[this.position], 16) * 16
								+ Character.digit(this.in[this.position + 1], 16);
						this.position += 2;
						if (value >= 0) {
							if (consumeSkip()) {
								return;
							}
							if (visible()) {
								this.pendingBytes.write(value);
							}
						}
					}
				}
				case '*' -> this.group.pendingIgnorable = true;
				case '~' -> emit("\u00A0");
				case '_' -> emit("-");
				case '\r', '\n' -> emit("\n");
				case '-' -> {
				}
				default -> character((byte) c);
			}
		}

		private void controlWord() {
			int start = this.position;
			while (this.position < this.in.length && Character.isLetter(this.in[this.position] & 0xFF)) {
				this.position++;
			}
			String word = new String(this.in, start, this.position - start, StandardCharsets.US_ASCII);
			Integer parameter = null;
			int numberStart = this.position;
			if (this.position < this.in.length && this.in[this.position] == '-') {
				this.position++;
			}
			while (this.position < this.in.length && Character.isDigit(this.in[this.position] & 0xFF)
					&& this.position - numberStart < 10) {
				this.position++;
			}
			if (this.position > numberStart && !(this.position == numberStart + 1 && this.in[numberStart] == '-')) {
				parameter = Integer
					.parseInt(new String(this.in, numberStart, this.position - numberStart, StandardCharsets.US_ASCII));
			}
			if (this.position < this.in.length && this.in[this.position] == ' ') {
				this.position++;
			}
			word(word, parameter);
		}

		private void word(String word, Integer parameter) {
			if (this.group.pendingIgnorable) {
				this.group.pendingIgnorable = false;
				if (word.equals("htmltag") && this.html) {
					this.group.htmlTag = true;
					return;
				}
				this.group.skip = true;
				return;
			}
			if (SKIPPED_DESTINATIONS.contains(word)) {
				this.group.skip = true;
				return;
			}
			switch (word) {
				case "fromhtml" -> this.html = true;
				case "ansicpg" -> {
					if (parameter != null) {
						this.charset = TnefReader.codepageCharset(parameter);
					}
				}
				case "uc" -> this.group.unicodeSkip = (parameter != null) ? Math.max(0, parameter) : 1;
				case "u" -> {
					if (parameter != null) {
						int code = (parameter < 0) ? parameter + 65536 : parameter;
						emit(String.valueOf((char) code));
						this.skipChars = this.group.unicodeSkip;
					}
				}
				case "htmlrtf" -> this.group.suppressed = parameter == null || parameter != 0;
				default -> {
					String symbol = SYMBOLS.get(word);
					if (symbol != null && !consumeSkip()) {
						emit(symbol);
					}
				}
			}
		}

		private void character(byte c) {
			if (consumeSkip()) {
				return;
			}
			if (visible()) {
				this.pendingBytes.write(c);
			}
		}

		private boolean consumeSkip() {
			if (this.skipChars > 0) {
				this.skipChars--;
				return true;
			}
			return false;
		}

		private boolean visible() {
			if (this.group.skip) {
				return false;
			}
			return !this.html || this.group.htmlTag || !this.group.suppressed;
		}

		private void emit(String text) {
			if (!visible()) {
				return;
			}
			flush();
			this.out.append(text);
		}

		private void flush() {
			if (this.pendingBytes.size() > 0) {
				this.out.append(new String(this.pendingBytes.toByteArray(), this.charset));
				this.pendingBytes.reset();
			}
		}

	}

}
