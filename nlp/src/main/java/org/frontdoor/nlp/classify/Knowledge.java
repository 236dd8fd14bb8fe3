package org.frontdoor.nlp.classify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The built-in, catalog-independent knowledge: the curated {@link Lexicon}, the learned
 * associations between residents' words and the words cities use in service names
 * ({@code associations.tsv}), how generic each service-name word is across cities
 * ({@code generic.tsv}) and the known vocabulary ({@code vocabulary.tsv}). Loaded once;
 * immutable and thread-safe. See {@code SOURCES.md} next to the resources.
 */
public final class Knowledge {

	private final Lexicon lexicon;

	private final Map<String, Map<String, Double>> associations;

	private final Map<String, Double> generic;

	private final Speller speller;

	private final Set<String> known;

	Knowledge(Lexicon lexicon, Map<String, Map<String, Double>> associations, Map<String, Double> generic,
			Map<String, Integer> vocabulary) {
		this.lexicon = lexicon;
		this.associations = associations;
		this.generic = generic;
		Map<String, Integer> freq = new HashMap<>(vocabulary);
		for (String w : lexicon.words()) {
			freq.merge(w, 5, Integer::sum);
		}
		this.speller = new Speller(freq);
		this.known = new HashSet<>(lexicon.stopwords());
	}

	private static final class Holder {

		static final Knowledge BUILT_IN = load();

	}

	/**
	 * The built-in knowledge (loaded on first use).
	 * @return the knowledge
	 */
	public static Knowledge builtIn() {
		return Holder.BUILT_IN;
	}

	static Knowledge load() {
		Lexicon lexicon = Lexicon.load();
		Map<String, Map<String, Double>> assoc = new HashMap<>();
		Lexicon.lines("associations.tsv", (line) -> {
			String[] c = line.split("\t");
			if (c.length >= 3) {
				assoc.computeIfAbsent(c[0], (k) -> new HashMap<>()).put(c[1], Double.parseDouble(c[2]));
			}
		});
		Map<String, Double> generic = new HashMap<>();
		Lexicon.lines("generic.tsv", (line) -> {
			String[] c = line.split("\t");
			if (c.length >= 2) {
				generic.put(c[0], Double.parseDouble(c[1]));
			}
		});
		Map<String, Integer> vocab = new HashMap<>();
		Lexicon.lines("vocabulary.tsv", (line) -> {
			String[] c = line.split("\t");
			if (c.length >= 2) {
				vocab.put(c[0], Integer.parseInt(c[1]));
			}
		});
		return new Knowledge(lexicon, freeze(assoc), Map.copyOf(generic), vocab);
	}

	static Knowledge withoutLearned(Lexicon lexicon, Map<String, Integer> vocabulary) {
		return new Knowledge(lexicon, Map.of(), Map.of(), vocabulary);
	}

	private static Map<String, Map<String, Double>> freeze(Map<String, Map<String, Double>> m) {
		Map<String, Map<String, Double>> out = new HashMap<>();
		m.forEach((k, v) -> out.put(k, Map.copyOf(v)));
		return Map.copyOf(out);
	}

	Lexicon lexicon() {
		return this.lexicon;
	}

	Speller speller() {
		return this.speller;
	}

	Set<String> known() {
		return this.known;
	}

	Map<String, Double> associations(String term) {
		return this.associations.getOrDefault(term, Map.of());
	}

	/**
	 * How informative a service-name word is across cities: 1 for specific words
	 * ("pothole"), down to 0.15 for words every city uses ("request", "issue").
	 * @param term the term
	 * @return the weight
	 */
	double specificity(String term) {
		return this.generic.getOrDefault(term, 1.0);
	}

}
