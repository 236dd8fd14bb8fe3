package org.frontdoor.nlp.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontdoor.nlp.text.TextCleaner;
import org.frontdoor.nlp.text.Token;

/**
 * Turns text into the terms classification works with: words only (URLs, emails, phone
 * numbers, numbers, emoji dropped), lowercased without accents, plural {@code s} removed,
 * misspellings corrected against the known vocabulary, lexicon phrases rewritten to their
 * canonical terms ("pot hole" and "bache" become {@code pothole}), stopwords, greetings
 * and location fillers removed. The same pipeline reads service names, so a message and a
 * catalog meet in one vocabulary.
 */
final class Terms {

	private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("leaves", "leaves"),
			Map.entry("mice", "mice"), Map.entry("geese", "goose"), Map.entry("children", "child"),
			Map.entry("people", "people"), Map.entry("knives", "knife"), Map.entry("wolves", "wolf"),
			Map.entry("shelves", "shelf"), Map.entry("lives", "life"), Map.entry("debris", "debris"),
			Map.entry("series", "series"), Map.entry("species", "species"), Map.entry("news", "news"),
			Map.entry("bus", "bus"), Map.entry("gas", "gas"), Map.entry("yes", "yes"), Map.entry("this", "this"),
			Map.entry("his", "his"), Map.entry("its", "its"), Map.entry("was", "was"), Map.entry("has", "has"),
			Map.entry("does", "does"), Map.entry("is", "is"), Map.entry("us", "us"), Map.entry("tires", "tire"),
			Map.entry("tries", "try"), Map.entry("lights", "light"), Map.entry("potholes", "pothole"));

	/**
	 * Words after which, up to the next punctuation or conjunction, the words say where,
	 * not what.
	 */
	private static final java.util.Set<String> SPATIAL = java.util.Set.of("on", "in", "at", "around", "near", "by",
			"beside", "behind", "under", "across", "along", "outside", "inside", "next", "into", "onto", "en", "sobre",
			"cerca", "junto", "frente", "detras", "debajo", "dentro", "afuera", "alrededor", "enfrente");

	private static final java.util.Set<String> CLAUSE = java.util.Set.of("and", "but", "or", "y", "pero", "o", "also",
			"tambien", "which", "that", "que");

	/** Weight of a word in a "where" phrase ("pothole around the storm drain"). */
	static final double CONTEXT_WEIGHT = 0.6;

	private Terms() {
	}

	/**
	 * A light English plural stemmer: "potholes" becomes "pothole", "bodies" "body",
	 * "boxes" "box"; words ending in ss/us/is and short words are kept.
	 * @param w a folded word
	 * @return the stem
	 */
	static String stem(String w) {
		String irregular = IRREGULAR.get(w);
		if (irregular != null) {
			return irregular;
		}
		int n = w.length();
		if (n <= 3 || w.charAt(n - 1) != 's') {
			return w;
		}
		if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("ous") || w.endsWith("'s")) {
			return w;
		}
		if (w.endsWith("ies") && n > 4) {
			return w.substring(0, n - 3) + "y";
		}
		if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("zes")) {
			return w.substring(0, n - 2);
		}
		return w.substring(0, n - 1);
	}

	/**
	 * Terms of a text.
	 * @param text the text (bounded)
	 * @param vocabulary the lexicon and spellers
	 * @param maskBegin start of a span to ignore (the location mention), or -1
	 * @param maskEnd end of that span
	 * @return the terms in order (weights 1, or less for spelling corrections)
	 */
	static List<Term> of(String text, Vocabulary vocabulary, int maskBegin, int maskEnd) {
		return of(text, vocabulary, maskBegin, maskEnd, true);
	}

	/**
	 * Terms of a catalog text (a service name, keyword or description): no word is
	 * down-weighted as a place.
	 * @param text the text
	 * @param vocabulary the lexicon and spellers
	 * @return the terms
	 */
	static List<Term> ofCatalog(String text, Vocabulary vocabulary) {
		return of(text, vocabulary, -1, -1, false);
	}

	private static List<Term> of(String text, Vocabulary vocabulary, int maskBegin, int maskEnd, boolean places) {
		List<Token> tokens = TextCleaner.tokenize(text);
		List<Word> words = new ArrayList<>(tokens.size());
		boolean context = false;
		for (Token token : tokens) {
			if (maskBegin >= 0 && token.begin() < maskEnd && token.end() > maskBegin) {
				words.add(Word.BREAK);
				continue;
			}
			if (!token.isWord()) {
				if (token.kind() == Token.Kind.SYMBOL && isSentenceBreak(token.text())) {
					words.add(Word.BREAK);
					context = false;
				}
				continue;
			}
			String raw = token.norm().replace("'", "").replace("’", "");
			if (SPATIAL.contains(raw)) {
				context = places;
			}
			else if (CLAUSE.contains(raw)) {
				context = false;
			}
			if (context && !SPATIAL.contains(raw)) {
				Word w = vocabulary.word(raw, token.begin(), token.end());
				words.add(new Word(w.raw, w.stem, w.weight * CONTEXT_WEIGHT, w.begin, w.end));
				continue;
			}
			if (raw.equals("nt") && !words.isEmpty() && words.get(words.size() - 1) != Word.BREAK) {
				Word prev = words.remove(words.size() - 1);
				raw = prev.raw + "nt";
				words.add(vocabulary.word(raw, prev.begin, token.end()));
				continue;
			}
			if (raw.isEmpty() || raw.equals("s")) {
				continue;
			}
			words.add(vocabulary.word(raw, token.begin(), token.end()));
		}
		return rewrite(words, vocabulary.lexicon());
	}

	private static boolean isSentenceBreak(String s) {
		return s.equals(".") || s.equals(";") || s.equals("!") || s.equals("?") || s.equals(",") || s.equals(":");
	}

	private static List<Term> rewrite(List<Word> words, Lexicon lexicon) {
		List<Term> terms = new ArrayList<>();
		int max = lexicon.maxPhraseWords();
		int i = 0;
		while (i < words.size()) {
			Word w = words.get(i);
			if (w == Word.BREAK) {
				i++;
				continue;
			}
			int matched = 0;
			String[] target = null;
			for (int len = Math.min(max, words.size() - i); len >= 1 && target == null; len--) {
				if (!contiguous(words, i, len)) {
					continue;
				}
				target = lexicon.rewrite(key(words, i, len, false));
				if (target == null) {
					target = lexicon.rewrite(key(words, i, len, true));
				}
				if (target != null) {
					matched = len;
				}
			}
			if (target != null) {
				Word last = words.get(i + matched - 1);
				double weight = 1.0;
				for (int k = i; k < i + matched; k++) {
					weight = Math.min(weight, words.get(k).weight);
				}
				for (String t : target) {
					terms.add(new Term(t, weight, w.begin, last.end));
				}
				i += matched;
				continue;
			}
			if (!lexicon.isStopword(w.raw) && !lexicon.isStopword(w.stem) && w.stem.length() > 1) {
				terms.add(new Term(w.stem, w.weight, w.begin, w.end));
			}
			i++;
		}
		return terms;
	}

	private static boolean contiguous(List<Word> words, int from, int len) {
		for (int k = from; k < from + len; k++) {
			if (words.get(k) == Word.BREAK) {
				return false;
			}
		}
		return true;
	}

	private static String key(List<Word> words, int from, int len, boolean stems) {
		if (len == 1) {
			return stems ? words.get(from).stem : words.get(from).raw;
		}
		StringBuilder b = new StringBuilder();
		for (int k = from; k < from + len; k++) {
			if (k > from) {
				b.append(' ');
			}
			b.append(stems ? words.get(k).stem : words.get(k).raw);
		}
		return b.toString();
	}

	/**
	 * One term.
	 *
	 * @param term the canonical term
	 * @param weight 1, or less when it came from a spelling correction
	 * @param begin offset of its source span
	 * @param end end of its source span
	 */
	record Term(String term, double weight, int begin, int end) {

	}

	/** A word before lexicon rewriting. */
	static final class Word {

		static final Word BREAK = new Word("", "", 1.0, -1, -1);

		final String raw;

		final String stem;

		final double weight;

		final int begin;

		final int end;

		Word(String raw, String stem, double weight, int begin, int end) {
			this.raw = raw;
			this.stem = stem;
			this.weight = weight;
			this.begin = begin;
			this.end = end;
		}

	}

}
