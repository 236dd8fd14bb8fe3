package org.frontdoor.nlp.classify;

import java.util.Set;

/**
 * The lexicon plus the words known to be spelled right: the built-in vocabulary and the
 * words of the catalog in use. Unknown words get their nearest known spelling, with a
 * lower weight.
 */
final class Vocabulary {

	private final Lexicon lexicon;

	private final Speller global;

	private final Speller local;

	private final Set<String> extraKnown;

	Vocabulary(Lexicon lexicon, Speller global, Speller local, Set<String> extraKnown) {
		this.lexicon = lexicon;
		this.global = global;
		this.local = local;
		this.extraKnown = extraKnown;
	}

	Lexicon lexicon() {
		return this.lexicon;
	}

	Terms.Word word(String raw, int begin, int end) {
		String stem = Terms.stem(raw);
		if (raw.length() < 4 || known(raw) || known(stem) || !allLetters(raw)) {
			return new Terms.Word(raw, stem, 1.0, begin, end);
		}
		Speller.Correction best = (this.local != null) ? this.local.correct(raw) : null;
		Speller.Correction other = this.global.correct(raw);
		if (best == null || (other != null && other.distance() < best.distance())) {
			best = other;
		}
		if (best == null) {
			return new Terms.Word(raw, stem, 1.0, begin, end);
		}
		double weight = (best.distance() == 1) ? 0.85 : 0.7;
		return new Terms.Word(best.word(), Terms.stem(best.word()), weight, begin, end);
	}

	private boolean known(String w) {
		return this.global.knows(w) || (this.local != null && this.local.knows(w)) || this.extraKnown.contains(w)
				|| this.lexicon.isStopword(w);
	}

	private static boolean allLetters(String w) {
		for (int i = 0; i < w.length(); i++) {
			if (!Character.isLetter(w.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
