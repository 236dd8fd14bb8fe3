package org.frontdoor.nlp.language;

import java.util.HashMap;
import java.util.Map;

import org.frontdoor.nlp.text.Resources;
import org.frontdoor.nlp.text.TextCleaner;
import org.frontdoor.nlp.text.Token;

/**
 * English or Spanish, for every message however short. Evidence, in log-odds units
 * (positive = Spanish): known words of either language ({@code words.tsv}: "hola",
 * "bache", "si" / "hi", "pothole", "the"), Spanish-only characters (ñ, á, é, í, ó, ú, ¿,
 * ¡) and typical word endings for words not in the list. When the text gives no evidence
 * ("ok", "123", "no") the caller's hint (the resident's remembered language) wins, else
 * English. Immutable and thread-safe.
 */
public final class LanguageDetector {

	private static final String[][] ES_ENDINGS = { { "cion", "0.8" }, { "ciones", "1.0" }, { "dad", "0.5" },
			{ "mente", "0.6" }, { "ado", "0.4" }, { "ada", "0.5" }, { "ido", "0.4" }, { "ida", "0.4" },
			{ "ito", "0.4" }, { "ita", "0.4" }, { "oso", "0.4" }, { "osa", "0.4" }, { "aron", "0.8" },
			{ "amos", "0.7" }, { "emos", "0.6" }, { "ando", "0.6" }, { "iendo", "0.8" } };

	private static final String[][] EN_ENDINGS = { { "ing", "0.8" }, { "tion", "0.6" }, { "ness", "0.7" },
			{ "ght", "0.8" }, { "ly", "0.4" }, { "ed", "0.3" }, { "th", "0.5" }, { "sh", "0.4" }, { "ck", "0.5" },
			{ "w", "0.4" }, { "y", "0.2" } };

	private final Map<String, Double> words;

	private LanguageDetector(Map<String, Double> words) {
		this.words = Map.copyOf(words);
	}

	private static final class Holder {

		static final LanguageDetector STANDARD = load();

	}

	/**
	 * The detector with the built-in word lists.
	 * @return the detector
	 */
	public static LanguageDetector standard() {
		return Holder.STANDARD;
	}

	private static LanguageDetector load() {
		Map<String, Double> words = new HashMap<>();
		Resources.lines(LanguageDetector.class, "words.tsv", (line) -> {
			String[] c = line.split("\t");
			double w = Double.parseDouble(c[2]);
			words.merge(c[0], c[1].equals("es") ? w : -w, Double::sum);
		});
		return new LanguageDetector(words);
	}

	/**
	 * The language of a text.
	 * @param text the text (may be empty)
	 * @param hint the resident's remembered language, or {@code null}
	 * @return the guess
	 */
	public LanguageGuess detect(String text, Language hint) {
		double score = 0;
		boolean evidence = false;
		String bounded = TextCleaner.bound(text).text();
		for (int i = 0; i < bounded.length(); i++) {
			char c = bounded.charAt(i);
			if ("ñÑ¿¡".indexOf(c) >= 0) {
				score += 2.0;
				evidence = true;
			}
			else if ("áéíóúÁÉÍÓÚ".indexOf(c) >= 0) {
				score += 1.0;
				evidence = true;
			}
		}
		for (Token t : TextCleaner.tokenize(bounded)) {
			if (!t.isWord()) {
				continue;
			}
			String w = t.norm().replace("'", "").replace("’", "");
			Double known = this.words.get(w);
			if (known != null) {
				score += known;
				evidence = true;
				continue;
			}
			double cue = endings(w);
			if (cue != 0) {
				score += cue;
				evidence = true;
			}
		}
		if (!evidence || Math.abs(score) < 0.3) {
			Language lang = (hint != null) ? hint : Language.EN;
			return new LanguageGuess(lang, 0.5, false);
		}
		Language lang = (score > 0) ? Language.ES : Language.EN;
		double confidence = 1.0 / (1.0 + Math.exp(-Math.abs(score)));
		if (hint != null && hint != lang && Math.abs(score) < 1.0) {
			return new LanguageGuess(hint, 0.5, false);
		}
		return new LanguageGuess(lang, Math.round(confidence * 1000) / 1000.0, true);
	}

	private static double endings(String w) {
		if (w.length() < 4) {
			return 0;
		}
		for (String[] e : ES_ENDINGS) {
			if (w.endsWith(e[0])) {
				return Double.parseDouble(e[1]);
			}
		}
		for (String[] e : EN_ENDINGS) {
			if (w.endsWith(e[0])) {
				return -Double.parseDouble(e[1]);
			}
		}
		return 0;
	}

}
