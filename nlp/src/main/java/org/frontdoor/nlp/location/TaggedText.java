package org.frontdoor.nlp.location;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;

/**
 * A resident's text as CoreNLP tokens, each tagged with its role in a place description
 * ({@link Tag}) and with the gazetteer spans it belongs to (known street, landmark,
 * town). The tags are what the TokensRegex rules match on; capitalization is recorded but
 * never required.
 */
final class TaggedText {

	/** Longest text analyzed; a location is named early in real messages. */
	static final int MAX_CHARS = 20_000;

	private static final String TOKENIZER_OPTIONS = "invertible=false,ptb3Escaping=false,splitHyphenated=false,"
			+ "splitForwardSlash=true,normalizeParentheses=false,normalizeOtherBrackets=false,untokenizable=noneDelete";

	private static final Pattern NUMBER = Pattern.compile("#?\\d{1,6}[a-z]?(-\\d{1,6}[a-z]?|-[a-z])?");

	private static final Pattern POLE_ID = Pattern.compile("#?[a-z]?\\d{1,5}-m\\d{1,4}(\\.\\d)?[a-z]?");

	private static final Pattern GLUED_ORDINAL = Pattern.compile("[nsew]\\d{1,3}(st|nd|rd|th)");

	private static final java.util.Set<String> UNAMBIGUOUS_TYPES = java.util.Set.of("st", "ave", "rd", "blvd", "hwy",
			"pkwy", "tpk", "ter");

	private static final java.util.Set<String> SPANISH_ARTICLES = java.util.Set.of("el", "la", "los", "las", "de",
			"del");

	/** The role of a token in a place description. */
	enum Tag {

		/** A house number ("45", "2102-2104", "#760"). */
		NUM,
		/** A street-light pole id in the city's M form ("60-M27"). */
		POLEID,
		/** An ordinal street name ("5th", "sixth", "e12th"). */
		ORD,
		/** A street type after the name ("st", "avenue"). */
		TYPE,
		/** A street type before the name ("calle", "avenida"). */
		PTYPE,
		/** A direction ("n", "west"). */
		DIR,
		/** "and", "&", "y" between two streets. */
		CONJ,
		/** "at", "@". */
		AT,
		/** "/". */
		SLASH,
		/** "corner", "esquina", "intersection", "where". */
		CUE,
		/** "between", "entre". */
		BETWEEN,
		/** "meets", "crosses". */
		MEETS,
		/** "past", "before", "from"... */
		REL,
		/** "south" (of)... */
		RELOF,
		/** "of", "de", "del". */
		OF,
		/** A word announcing a pole ("pole", "poste", "light"). */
		POLEKW,
		/** A function word. */
		STOP,
		/** A common word of 311 messages that is not a name. */
		NOUN,
		/** Any other word: possibly part of a name. */
		WORD,
		/** Punctuation and anything else. */
		PUNCT

	}

	/** TokensRegex key: the {@link Tag} name. */
	static final class TagKey implements CoreAnnotation<String> {

		@Override
		public Class<String> getType() {
			return String.class;
		}

	}

	/** TokensRegex key: "B"/"I" inside a known street name of the city. */
	static final class KnownKey implements CoreAnnotation<String> {

		@Override
		public Class<String> getType() {
			return String.class;
		}

	}

	/** TokensRegex key: the folded word. */
	static final class FoldKey implements CoreAnnotation<String> {

		@Override
		public Class<String> getType() {
			return String.class;
		}

	}

	final String text;

	final List<CoreLabel> tokens;

	final String[] fold;

	final Tag[] tags;

	final boolean[] cap;

	/** For each token starting a known street phrase, the index just past it; else -1. */
	final int[] knownEnd;

	/** For each token inside a known street phrase, the index of its start; else -1. */
	final int[] knownStart;

	/**
	 * Whether the known phrase covering a token is weak (a common word: "green",
	 * "north").
	 */
	final boolean[] knownWeak;

	/** Landmark spans: start index → end index, names, typo-matched. */
	final List<Span> landmarks = new ArrayList<>();

	/** Town spans (other towns and the city's own names). */
	final List<Span> towns = new ArrayList<>();

	/** Whether the text has any lower-case letter (else capitalization means nothing). */
	final boolean mixedCase;

	private TaggedText(String text, List<CoreLabel> tokens) {
		this.text = text;
		this.tokens = tokens;
		int n = tokens.size();
		this.fold = new String[n];
		this.tags = new Tag[n];
		this.cap = new boolean[n];
		this.knownEnd = new int[n];
		this.knownStart = new int[n];
		this.knownWeak = new boolean[n];
		boolean lower = false;
		boolean upper = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			lower |= Character.isLowerCase(c);
			upper |= Character.isUpperCase(c);
		}
		this.mixedCase = lower && upper;
	}

	/**
	 * Tokenizes and tags a text.
	 * @param text the text (cut at {@link #MAX_CHARS})
	 * @param names the city's place names
	 * @return the tagged text
	 */
	static TaggedText of(String text, PlaceNames names) {
		String t = (text.length() > MAX_CHARS) ? text.substring(0, MAX_CHARS) : text;
		List<CoreLabel> tokens = new ArrayList<>();
		PTBTokenizer<CoreLabel> tokenizer = new PTBTokenizer<>(new StringReader(t), new CoreLabelTokenFactory(),
				TOKENIZER_OPTIONS);
		while (tokenizer.hasNext()) {
			tokens.add(tokenizer.next());
		}
		TaggedText tt = new TaggedText(t, tokens);
		tt.tag(names);
		return tt;
	}

	private void tag(PlaceNames names) {
		Lexicon lex = Lexicon.get();
		int n = this.tokens.size();
		for (int i = 0; i < n; i++) {
			CoreLabel token = this.tokens.get(i);
			String word = token.word();
			String lower = word.toLowerCase(java.util.Locale.ROOT);
			String f = StreetLexicon.fold(word);
			this.fold[i] = f.isEmpty() ? lower : f;
			this.cap[i] = this.mixedCase && !word.isEmpty() && Character.isUpperCase(word.charAt(0));
			this.knownEnd[i] = -1;
			this.knownStart[i] = -1;
			this.tags[i] = baseTag(lower, this.fold[i], lex);
		}
		// context: "st" after a name is a type, before a name it is "Saint"; "way" after
		// "the"
		for (int i = 0; i < n; i++) {
			if (this.tags[i] == Tag.TYPE && !nameLike(i - 1) && nameLike(i + 1)) {
				this.tags[i] = Tag.WORD;
			}
			if (this.tags[i] == Tag.PTYPE && !nameLike(i + 1) && !(i + 1 < n && this.tags[i + 1] == Tag.OF)) {
				this.tags[i] = (StreetLexicon.type(this.fold[i]) != null && nameLike(i - 1)) ? Tag.TYPE : Tag.NOUN;
			}
		}
		for (int i = 0; i < n; i++) {
			Tag next = (i + 1 < n) ? this.tags[i + 1] : null;
			boolean beforeType = next == Tag.TYPE && UNAMBIGUOUS_TYPES.contains(StreetLexicon.type(this.fold[i + 1]));
			if (this.tags[i] == Tag.NOUN && (beforeType || (this.cap[i] && !sentenceStart(i)))) {
				this.tags[i] = Tag.WORD;
			}
			else if (this.tags[i] == Tag.STOP && beforeType && this.cap[i]) {
				this.tags[i] = Tag.WORD;
			}
			else if (this.tags[i] == Tag.STOP && this.cap[i] && !sentenceStart(i) && i + 1 < n && this.cap[i + 1]
					&& SPANISH_ARTICLES.contains(this.fold[i])) {
				// "El Embarcadero", "La Brea", "De Anza"
				this.tags[i] = Tag.WORD;
			}
		}
		markKnownStreets(names, lex);
		markGazetteerSpans(names);
		for (int i = 0; i < n; i++) {
			CoreLabel token = this.tokens.get(i);
			token.set(TagKey.class, this.tags[i].name());
			token.set(FoldKey.class, this.fold[i]);
			if (this.knownStart[i] >= 0) {
				token.set(KnownKey.class, (this.knownStart[i] == i) ? "B" : "I");
			}
		}
	}

	private static Tag baseTag(String lower, String fold, Lexicon lex) {
		if ("&".equals(lower) || "+".equals(lower)) {
			return Tag.CONJ;
		}
		if ("@".equals(lower)) {
			return Tag.AT;
		}
		if ("/".equals(lower) || "\\".equals(lower)) {
			return Tag.SLASH;
		}
		boolean digit = false;
		boolean letter = false;
		for (int k = 0; k < lower.length(); k++) {
			char c = lower.charAt(k);
			digit |= Character.isDigit(c);
			letter |= Character.isLetter(c);
		}
		if (digit) {
			if (POLE_ID.matcher(lower).matches()) {
				return Tag.POLEID;
			}
			if (NUMBER.matcher(lower).matches()) {
				return Tag.NUM;
			}
			if (GLUED_ORDINAL.matcher(lower).matches() || StreetLexicon.ordinal(fold) != null) {
				return Tag.ORD;
			}
		}
		else if (StreetLexicon.ordinal(fold) != null) {
			return Tag.ORD;
		}
		if (!letter) {
			return Tag.PUNCT;
		}
		if (lex.in("conj", fold)) {
			return Tag.CONJ;
		}
		if (lex.in("at", fold)) {
			return Tag.AT;
		}
		if (lex.in("between", fold)) {
			return Tag.BETWEEN;
		}
		if (lex.in("cue", fold)) {
			return Tag.CUE;
		}
		if (lex.in("meets", fold)) {
			return Tag.MEETS;
		}
		if ("of".equals(fold) || "de".equals(fold) || "del".equals(fold)) {
			return Tag.OF;
		}
		if (StreetLexicon.type(lower) != null) {
			return Tag.TYPE;
		}
		if (StreetLexicon.prefixType(fold) != null) {
			return Tag.PTYPE;
		}
		if (StreetLexicon.direction(fold) != null) {
			return Tag.DIR;
		}
		if (lex.in("relative", fold)) {
			return Tag.REL;
		}
		if (lex.in("pole", fold)) {
			return Tag.POLEKW;
		}
		if (lex.in("stop", fold)) {
			return Tag.STOP;
		}
		if (lex.in("noun", fold)) {
			return Tag.NOUN;
		}
		return Tag.WORD;
	}

	/** Whether token i starts a sentence (its capital says nothing). */
	boolean sentenceStart(int i) {
		if (i == 0) {
			return true;
		}
		String prev = this.fold[i - 1];
		return ".".equals(prev) || "!".equals(prev) || "?".equals(prev) || ":".equals(prev);
	}

	/** Whether the token could be part of a street's name. */
	boolean nameLike(int i) {
		if (i < 0 || i >= this.tags.length) {
			return false;
		}
		Tag t = this.tags[i];
		return t == Tag.WORD || t == Tag.ORD || this.knownStart[i] >= 0;
	}

	private void markKnownStreets(PlaceNames names, Lexicon lex) {
		int n = this.tokens.size();
		int max = Math.min(4, names.longestPhrase());
		for (int i = 0; i < n; i++) {
			if (this.tags[i] == Tag.STOP || this.tags[i] == Tag.PUNCT || this.tags[i] == Tag.NUM) {
				continue;
			}
			int longest = Math.max(names.longestStartingWith(this.fold[i]),
					names.longestStartingWith(StreetLexicon.nameWord(this.fold[i], 0, 2)));
			if (longest == 0) {
				longest = names.longestStartingWith(StreetLexicon.nameWord(this.fold[i], 0, 1));
			}
			for (int len = Math.min(Math.min(max, longest), n - i); len >= 1; len--) {
				String raw = phrase(i, len, false);
				String canonical = phrase(i, len, true);
				if (raw != null && (names.isStreet(raw) || names.isStreet(canonical))) {
					boolean weak = len == 1 && (raw.length() <= 3 || lex.in("noun", raw) || lex.in("stop", raw)
							|| this.tags[i] == Tag.DIR || this.tags[i] == Tag.TYPE || this.tags[i] == Tag.CONJ
							|| this.tags[i] == Tag.REL || this.tags[i] == Tag.POLEKW || this.tags[i] == Tag.CUE
							|| this.tags[i] == Tag.BETWEEN || this.tags[i] == Tag.MEETS);
					// a type word is part of a known name only when another type follows
					// ("park ave")
					if (len == 1 && this.tags[i] == Tag.TYPE && !(i + 1 < n && this.tags[i + 1] == Tag.TYPE)) {
						continue;
					}
					this.knownEnd[i] = i + len;
					for (int k = i; k < i + len; k++) {
						this.knownStart[k] = i;
						this.knownWeak[k] = weak;
						if (this.tags[k] == Tag.NOUN || this.tags[k] == Tag.DIR || this.tags[k] == Tag.POLEKW
								|| (this.tags[k] == Tag.TYPE && len > 1 && k < i + len - 1)) {
							this.tags[k] = Tag.WORD;
						}
					}
					i += len - 1;
					break;
				}
			}
		}
	}

	/**
	 * The folded (or canonical) words of tokens i..i+len, or null when one is
	 * punctuation.
	 */
	private String phrase(int i, int len, boolean canonical) {
		StringBuilder sb = new StringBuilder();
		for (int k = i; k < i + len; k++) {
			if (this.tags[k] == Tag.PUNCT || this.tags[k] == Tag.NUM || this.tags[k] == Tag.SLASH) {
				return null;
			}
			if (k > i) {
				sb.append(' ');
			}
			String w = this.fold[k];
			sb.append(canonical ? StreetLexicon.nameWord(w, k - i, len) : w);
		}
		return sb.toString();
	}

	private void markGazetteerSpans(PlaceNames names) {
		int n = this.tokens.size();
		int max = names.longestPhrase();
		for (int i = 0; i < n; i++) {
			if (this.tags[i] == Tag.PUNCT) {
				continue;
			}
			int longest = names.longestStartingWith(this.fold[i]);
			for (int len = Math.min(Math.min(max, longest), n - i); len >= 1; len--) {
				String p = wordsSkippingSlash(i, len);
				if (p == null) {
					continue;
				}
				List<String> lm = names.landmarks(p);
				if (!lm.isEmpty()) {
					this.landmarks.add(new Span(i, endSkippingSlash(i, len), lm, false));
					break;
				}
			}
		}
		for (int i = 0; i < n; i++) {
			int longest = names.longestStartingWith(this.fold[i]);
			for (int len = Math.min(Math.min(4, longest), n - i); len >= 1; len--) {
				String p = phrase(i, len, false);
				if (p == null) {
					continue;
				}
				String town = names.town(p);
				if (town != null || names.isCityName(p)) {
					this.towns.add(new Span(i, i + len, List.of(town != null ? town : ""), town == null));
					i += len - 1;
					break;
				}
			}
		}
	}

	/**
	 * Words i.. of which len are not "/" (so "kendall/mit station" reads "kendall mit
	 * station").
	 */
	private String wordsSkippingSlash(int i, int len) {
		StringBuilder sb = new StringBuilder();
		int taken = 0;
		int k = i;
		while (taken < len && k < this.tags.length) {
			if (this.tags[k] == Tag.SLASH && taken > 0) {
				k++;
				continue;
			}
			if (this.tags[k] == Tag.PUNCT && !"&".equals(this.fold[k])) {
				return null;
			}
			if (taken > 0) {
				sb.append(' ');
			}
			sb.append(this.fold[k]);
			taken++;
			k++;
		}
		return (taken == len) ? sb.toString() : null;
	}

	private int endSkippingSlash(int i, int len) {
		int taken = 0;
		int k = i;
		while (taken < len) {
			if (!(this.tags[k] == Tag.SLASH && taken > 0)) {
				taken++;
			}
			k++;
		}
		return k;
	}

	int size() {
		return this.tokens.size();
	}

	int begin(int i) {
		return this.tokens.get(i).beginPosition();
	}

	int end(int i) {
		return this.tokens.get(i).endPosition();
	}

	/** The original text of tokens [from, to). */
	String span(int from, int to) {
		return this.text.substring(begin(from), end(to - 1));
	}

	boolean is(int i, Tag tag) {
		return i >= 0 && i < this.tags.length && this.tags[i] == tag;
	}

	boolean known(int i) {
		return i >= 0 && i < this.tags.length && this.knownStart[i] >= 0;
	}

	/**
	 * A span of tokens.
	 *
	 * @param start first token
	 * @param end just past the last token
	 * @param names what it names (landmark names, or the town)
	 * @param own for a town span, whether it names the city itself
	 */
	record Span(int start, int end, List<String> names, boolean own) {

		boolean overlaps(int from, int to) {
			return this.start < to && from < this.end;
		}

	}

}
