package org.frontdoor.nlp.classify;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.frontdoor.nlp.text.TextCleaner;
import org.frontdoor.nlp.text.Token;

/**
 * Learns, from real reports paired with the request type a city filed them under, which
 * words residents write for which words cities use in service names. For every pair, each
 * distinct term of the report co-occurs with each distinct term of the title; an
 * association {@code r → t} is kept when it was seen in at least {@value #MIN_PAIRS}
 * reports, {@code P(t | r)} (add-two smoothed) is at least {@value #MIN_PROBABILITY} and
 * {@code t} is at least {@value #MIN_LIFT} times likelier after {@code r} than overall.
 * Its weight is that probability, capped at {@value #MAX_WEIGHT}; at most
 * {@value #MAX_PER_TERM} per report term.
 */
public final class KnowledgeLearner {

	static final int MIN_PAIRS = 2;

	static final double MIN_PROBABILITY = 0.12;

	static final double MIN_LIFT = 2.0;

	static final double MAX_WEIGHT = 0.8;

	static final int MAX_PER_TERM = 12;

	private final Vocabulary vocabulary;

	private final Map<String, Map<String, Integer>> pairCounts = new HashMap<>();

	private final Map<String, Integer> reportCounts = new HashMap<>();

	private final Map<String, Integer> titleCounts = new HashMap<>();

	private final Map<String, Integer> words = new HashMap<>();

	private int pairs;

	/** A learner using only the curated lexicon (no previously learned vocabulary). */
	public KnowledgeLearner() {
		Lexicon lexicon = Lexicon.load();
		Knowledge base = Knowledge.withoutLearned(lexicon, Map.of());
		this.vocabulary = new Vocabulary(lexicon, base.speller(), null, Set.of());
	}

	/**
	 * Adds one real report and the title of the request type it was filed under.
	 * @param report the resident's text
	 * @param title the city's request type title
	 */
	public void add(String report, String title) {
		Set<String> r = terms(report, true);
		Set<String> t = terms(title, false);
		if (r.isEmpty() || t.isEmpty()) {
			return;
		}
		this.pairs++;
		for (String a : r) {
			this.reportCounts.merge(a, 1, Integer::sum);
			Map<String, Integer> row = this.pairCounts.computeIfAbsent(a, (k) -> new HashMap<>());
			for (String b : t) {
				row.merge(b, 1, Integer::sum);
			}
		}
		for (String b : t) {
			this.titleCounts.merge(b, 1, Integer::sum);
		}
	}

	/**
	 * Counts the words of a text towards the known vocabulary (for spelling correction).
	 * @param text any real text
	 */
	public void addVocabulary(String text) {
		for (Token token : TextCleaner.tokenize(TextCleaner.bound(text).text())) {
			if (token.isWord() && token.norm().length() >= 2) {
				this.words.merge(token.norm().replace("'", ""), 1, Integer::sum);
			}
		}
	}

	private Set<String> terms(String text, boolean message) {
		Set<String> out = new HashSet<>();
		String bounded = TextCleaner.bound(text).text();
		for (Terms.Term t : message ? Terms.of(bounded, this.vocabulary, -1, -1)
				: Terms.ofCatalog(bounded, this.vocabulary)) {
			out.add(t.term());
		}
		return out;
	}

	/**
	 * Number of pairs learned from.
	 * @return the count
	 */
	public int pairs() {
		return this.pairs;
	}

	/**
	 * Writes {@code associations.tsv} and {@code vocabulary.tsv} into a directory.
	 * @param dir the directory
	 * @return number of associations written
	 * @throws IOException when writing fails
	 */
	public int write(Path dir) throws IOException {
		Files.createDirectories(dir);
		Map<String, List<String>> lines = new TreeMap<>();
		int count = 0;
		for (Map.Entry<String, Map<String, Integer>> e : this.pairCounts.entrySet()) {
			String r = e.getKey();
			double cr = this.reportCounts.get(r);
			List<double[]> kept = new ArrayList<>();
			List<String> names = new ArrayList<>();
			for (Map.Entry<String, Integer> te : e.getValue().entrySet()) {
				String t = te.getKey();
				int c = te.getValue();
				if (t.equals(r) || c < MIN_PAIRS) {
					continue;
				}
				double p = c / (cr + 2.0);
				double prior = this.titleCounts.get(t) / (double) this.pairs;
				if (p < MIN_PROBABILITY || p / prior < MIN_LIFT) {
					continue;
				}
				kept.add(new double[] { Math.min(MAX_WEIGHT, p), names.size() });
				names.add(t);
			}
			kept.sort((a, b) -> Double.compare(b[0], a[0]));
			List<String> out = new ArrayList<>();
			for (int k = 0; k < Math.min(MAX_PER_TERM, kept.size()); k++) {
				out.add(r + "\t" + names.get((int) kept.get(k)[1]) + "\t"
						+ String.format(Locale.ROOT, "%.3f", kept.get(k)[0]));
				count++;
			}
			if (!out.isEmpty()) {
				lines.put(r, out);
			}
		}
		try (Writer w = Files.newBufferedWriter(dir.resolve("associations.tsv"), StandardCharsets.UTF_8)) {
			w.write("# Learned by KnowledgeLearner from " + this.pairs
					+ " real report/request-type pairs (train split only); see SOURCES.md\n");
			w.write("# resident term<TAB>service-name term<TAB>weight\n");
			for (List<String> l : lines.values()) {
				for (String s : l) {
					w.write(s);
					w.write('\n');
				}
			}
		}
		try (Writer w = Files.newBufferedWriter(dir.resolve("vocabulary.tsv"), StandardCharsets.UTF_8)) {
			w.write("# Words seen at least twice in the real texts (for spelling correction); see SOURCES.md\n");
			for (Map.Entry<String, Integer> e : new TreeMap<>(this.words).entrySet()) {
				if (e.getValue() >= 2) {
					w.write(e.getKey() + "\t" + e.getValue() + "\n");
				}
			}
		}
		return count;
	}

}
