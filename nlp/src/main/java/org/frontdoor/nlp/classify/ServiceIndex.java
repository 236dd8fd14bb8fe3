package org.frontdoor.nlp.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontdoor.nlp.text.TextCleaner;
import org.frontdoor.nlp.text.Token;

/**
 * A catalog prepared for matching: each service as weighted terms from its name,
 * keywords, description and group (name counts most), weighted by how rare the term is in
 * this catalog and how specific it is across cities; plus an inverted index. Built once
 * per catalog; immutable.
 */
final class ServiceIndex {

	static final double KEYWORD_SPLIT = 0.5;

	static final double NAME = 1.0;

	static final double KEYWORDS = 0.8;

	static final double DESCRIPTION = 0.45;

	static final double GROUP = 0.3;

	final List<CatalogService> services;

	final Vocabulary vocabulary;

	/** term → services having it, with the term's weight in each. */
	final Map<String, Posting> postings;

	/** Per-service length normalizer. */
	final double[] norms;

	/** Index of the catalog's catch-all service, or -1. */
	final int catchAll;

	/** Per service: its name terms with their weights. */
	final List<Map<String, Double>> nameTerms = new ArrayList<>();

	/**
	 * Per service: how much its name overlaps the most similar other service name (0..1).
	 */
	final double[] confusability;

	/** Inverse document frequency of each term in this catalog. */
	final Map<String, Double> idf;

	ServiceIndex(Catalog catalog, Knowledge knowledge, double lengthExponent) {
		this.services = catalog.services();
		Lexicon lexicon = knowledge.lexicon();
		Map<String, Integer> catalogWords = new HashMap<>();
		for (CatalogService s : this.services) {
			for (String text : texts(s)) {
				for (Token t : TextCleaner.tokenize(text)) {
					if (t.isWord() && t.norm().length() >= 4) {
						catalogWords.merge(t.norm(), 1, Integer::sum);
					}
				}
			}
		}
		Set<String> known = new HashSet<>(knowledge.known());
		this.vocabulary = new Vocabulary(lexicon, knowledge.speller(), new Speller(catalogWords), known);
		// Service names are not spell-corrected against themselves: use a vocabulary that
		// knows every catalog word.
		List<Map<String, Double>> raw = new ArrayList<>();
		Map<String, Integer> df = new HashMap<>();
		for (CatalogService s : this.services) {
			Map<String, Double> v = new HashMap<>();
			add(v, s.name(), NAME);
			for (String keyword : s.keywords()) {
				// A keyword phrase is one concept: its words share the keyword weight.
				List<Terms.Term> terms = Terms.ofCatalog(keyword, this.vocabulary);
				double w = KEYWORDS / Math.pow(Math.max(1, terms.size()), KEYWORD_SPLIT);
				for (Terms.Term t : terms) {
					v.merge(t.term(), w * t.weight(), Math::max);
				}
			}
			add(v, s.description(), DESCRIPTION);
			add(v, s.group(), GROUP);
			raw.add(v);
			for (String t : v.keySet()) {
				df.merge(t, 1, Integer::sum);
			}
		}
		int n = this.services.size();
		this.idf = new HashMap<>();
		df.forEach((t, d) -> this.idf.put(t, Math.log(1.0 + (n - d + 0.5) / (d + 0.5))));
		Map<String, List<int[]>> postingIdx = new HashMap<>();
		Map<String, List<Double>> postingW = new HashMap<>();
		this.norms = new double[n];
		for (int i = 0; i < n; i++) {
			double sum = 0;
			Map<String, Double> names = new HashMap<>();
			for (Map.Entry<String, Double> e : raw.get(i).entrySet()) {
				double w = e.getValue() * this.idf.get(e.getKey()) * knowledge.specificity(e.getKey());
				if (e.getValue() >= NAME) {
					names.put(e.getKey(), w);
				}
				if (e.getValue() >= NAME) {
					sum += w * w;
				}
				postingIdx.computeIfAbsent(e.getKey(), (k) -> new ArrayList<>()).add(new int[] { i });
				postingW.computeIfAbsent(e.getKey(), (k) -> new ArrayList<>()).add(w);
			}
			this.nameTerms.add(Map.copyOf(names));
			this.norms[i] = Math.pow(Math.max(sum, 1e-6), lengthExponent / 2);
		}
		int fallback = -1;
		for (int i = 0; i < n && fallback < 0; i++) {
			if (this.services.get(i).isCatchAll()) {
				fallback = i;
			}
		}
		this.catchAll = fallback;
		this.confusability = new double[n];
		for (int i = 0; i < n; i++) {
			double best = 0;
			for (int j = 0; j < n; j++) {
				if (i != j) {
					best = Math.max(best, overlap(this.nameTerms.get(i), this.nameTerms.get(j)));
				}
			}
			this.confusability[i] = best;
		}
		Map<String, Posting> p = new HashMap<>();
		postingIdx.forEach((t, list) -> {
			int[] ids = new int[list.size()];
			double[] ws = new double[list.size()];
			List<Double> wl = postingW.get(t);
			for (int k = 0; k < ids.length; k++) {
				ids[k] = list.get(k)[0];
				ws[k] = wl.get(k);
			}
			p.put(t, new Posting(ids, ws));
		});
		this.postings = Map.copyOf(p);
	}

	/** Weighted Jaccard overlap of two name-term sets. */
	static double overlap(Map<String, Double> a, Map<String, Double> b) {
		double inter = 0;
		double union = 0;
		for (Map.Entry<String, Double> e : a.entrySet()) {
			double o = b.getOrDefault(e.getKey(), 0.0);
			inter += Math.min(e.getValue(), o);
			union += Math.max(e.getValue(), o);
		}
		for (Map.Entry<String, Double> e : b.entrySet()) {
			if (!a.containsKey(e.getKey())) {
				union += e.getValue();
			}
		}
		return (union > 0) ? inter / union : 0;
	}

	private void add(Map<String, Double> v, String text, double weight) {
		if (text == null || text.isBlank()) {
			return;
		}
		for (Terms.Term t : Terms.ofCatalog(text, this.vocabulary)) {
			v.merge(t.term(), weight * t.weight(), Math::max);
		}
	}

	private static List<String> texts(CatalogService s) {
		return List.of(s.name(), String.join(" ", s.keywords()), s.description(), s.group());
	}

	/**
	 * Services having a term.
	 *
	 * @param services indexes into {@link #services}
	 * @param weights the term's weight in each
	 */
	record Posting(int[] services, double[] weights) {

	}

}
