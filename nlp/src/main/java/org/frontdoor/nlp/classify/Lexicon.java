package org.frontdoor.nlp.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.frontdoor.nlp.text.Resources;
import org.frontdoor.nlp.text.TextCleaner;

/**
 * The curated vocabulary: phrase rewrites (synonyms, misspellings, Spanish to English),
 * soft relations between concepts and stopwords. Loaded once from the classpath;
 * immutable and thread-safe.
 */
public final class Lexicon {

	private static final String DROP = "-";

	private final Map<String, String[]> phrases;

	private final int maxPhraseWords;

	private final Map<String, Map<String, Double>> related;

	private final Set<String> stopwords;

	Lexicon(Map<String, String[]> phrases, Map<String, Map<String, Double>> related, Set<String> stopwords) {
		this.phrases = Map.copyOf(phrases);
		this.maxPhraseWords = phrases.keySet().stream().mapToInt((k) -> k.split(" ").length).max().orElse(1);
		Map<String, Map<String, Double>> rel = new HashMap<>();
		related.forEach((k, v) -> rel.put(k, Map.copyOf(v)));
		this.related = Map.copyOf(rel);
		this.stopwords = Set.copyOf(stopwords);
	}

	/**
	 * The built-in lexicon ({@code lexicon.tsv}, {@code related.tsv},
	 * {@code stopwords.txt} next to this class).
	 * @return the lexicon
	 */
	public static Lexicon load() {
		Map<String, String[]> phrases = new HashMap<>();
		lines("lexicon.tsv", (line) -> {
			String[] cols = line.split("\t");
			if (cols.length < 2) {
				return;
			}
			String key = normalizeKey(cols[0]);
			String target = cols[1].strip();
			phrases.put(key, target.equals(DROP) ? new String[0] : target.split(" +"));
		});
		Map<String, Map<String, Double>> related = new HashMap<>();
		lines("related.tsv", (line) -> {
			String[] cols = line.split("\t");
			if (cols.length == 3) {
				related.computeIfAbsent(cols[0].strip(), (k) -> new HashMap<>())
					.merge(cols[1].strip(), Double.parseDouble(cols[2].strip()), Math::max);
			}
		});
		Set<String> stop = new HashSet<>();
		lines("stopwords.txt", (line) -> {
			for (String w : line.split("\\s+")) {
				if (!w.isBlank()) {
					stop.add(w);
				}
			}
		});
		return new Lexicon(phrases, related, stop);
	}

	static String normalizeKey(String phrase) {
		List<String> words = new ArrayList<>();
		for (String w : TextCleaner.fold(phrase).replace("'", "").replace("’", "").split("[\\s]+")) {
			if (!w.isBlank()) {
				words.add(Terms.stem(w));
			}
		}
		return String.join(" ", words);
	}

	static void lines(String resource, Consumer<String> consumer) {
		Resources.lines(Lexicon.class, resource, consumer);
	}

	/**
	 * The rewrite of a phrase (space-separated stems), if the lexicon has one.
	 * @param key the phrase
	 * @return the canonical terms (empty array = drop), or {@code null} when unknown
	 */
	String[] rewrite(String key) {
		return this.phrases.get(key);
	}

	int maxPhraseWords() {
		return this.maxPhraseWords;
	}

	/**
	 * Concepts related to a term, with weights.
	 * @param term the term
	 * @return related terms (empty when none)
	 */
	Map<String, Double> related(String term) {
		return this.related.getOrDefault(term, Map.of());
	}

	boolean isStopword(String term) {
		return this.stopwords.contains(term);
	}

	/**
	 * Every word the lexicon knows (variants and canonical terms), for spelling
	 * correction.
	 * @return the words
	 */
	Set<String> words() {
		Set<String> words = new HashSet<>();
		this.phrases.forEach((k, v) -> {
			for (String w : k.split(" ")) {
				words.add(w);
			}
			for (String w : v) {
				words.add(w);
			}
		});
		this.related.forEach((k, v) -> {
			words.add(k);
			words.addAll(v.keySet());
		});
		return words;
	}

	Set<String> stopwords() {
		return this.stopwords;
	}

}
