package org.frontdoor.nlp.text;

/**
 * One token of a resident's message.
 *
 * @param text the token as written (original case)
 * @param norm lowercased, accents folded, leading {@code #} removed; empty for non-word
 * tokens
 * @param kind what sort of token
 * @param begin offset in the analyzed text
 * @param end offset just past the token
 */
public record Token(String text, String norm, Kind kind, int begin, int end) {

	/** What sort of token. */
	public enum Kind {

		/** A word (contains a letter). */
		WORD,

		/** A number (digits only, or digits with a leading {@code #}). */
		NUMBER,

		/** A web address. */
		URL,

		/** An email address. */
		EMAIL,

		/** A phone number. */
		PHONE,

		/** Punctuation, emoji, symbols. */
		SYMBOL

	}

	/**
	 * Whether this token carries words that can name a service.
	 * @return true for words
	 */
	public boolean isWord() {
		return this.kind == Kind.WORD;
	}

}
