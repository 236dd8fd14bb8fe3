package org.frontdoor.nlp.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontdoor.nlp.text.Csv;

/**
 * A city's own past requests (text, service code), which improve classification for that
 * city without code changes: each term votes for the services whose past requests used
 * it, in proportion to how often. Read from a CSV with a header naming the columns
 * {@code text} (or {@code description}) and {@code service_code}; quoted fields and
 * embedded newlines are allowed. Rows with an unknown code or no text are skipped and
 * counted.
 */
public final class CityExamples {

	/** At most this many rows are read. */
	public static final int MAX_ROWS = 200_000;

	private final List<String[]> rows;

	private final List<String> problems;

	private final Map<String, double[]> votes;

	private CityExamples(List<String[]> rows, List<String> problems, Map<String, double[]> votes) {
		this.rows = rows;
		this.problems = problems;
		this.votes = votes;
	}

	/**
	 * Examples from (text, code) pairs.
	 * @param rows pairs
	 * @return the examples (not yet bound to a catalog)
	 */
	public static CityExamples of(List<String[]> rows) {
		return new CityExamples(List.copyOf(rows), new ArrayList<>(), null);
	}

	/**
	 * Reads a CSV file of past requests.
	 * @param path the file
	 * @return the examples
	 * @throws IOException when the file cannot be read
	 * @throws IllegalArgumentException when the header has no text or service_code column
	 */
	public static CityExamples read(Path path) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			return read(reader);
		}
	}

	static CityExamples read(Reader reader) throws IOException {
		List<List<String>> records = Csv.parse(reader, MAX_ROWS + 1);
		if (records.isEmpty()) {
			throw new IllegalArgumentException("examples CSV is empty");
		}
		List<String> header = records.get(0);
		int text = -1;
		int code = -1;
		for (int i = 0; i < header.size(); i++) {
			String h = header.get(i).strip().toLowerCase(java.util.Locale.ROOT).replace("\uFEFF", "");
			if (text < 0 && (h.equals("text") || h.equals("description") || h.equals("message"))) {
				text = i;
			}
			if (code < 0 && (h.equals("service_code") || h.equals("code"))) {
				code = i;
			}
		}
		if (text < 0 || code < 0) {
			throw new IllegalArgumentException("examples CSV needs a header with 'text' and 'service_code' columns");
		}
		List<String[]> rows = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		int skipped = 0;
		for (int r = 1; r < records.size(); r++) {
			List<String> rec = records.get(r);
			if (rec.size() <= Math.max(text, code) || rec.get(text).isBlank() || rec.get(code).isBlank()) {
				skipped++;
				continue;
			}
			rows.add(new String[] { rec.get(text), rec.get(code).strip() });
		}
		if (skipped > 0) {
			problems.add(skipped + " example rows without text or service_code skipped");
		}
		return new CityExamples(rows, problems, null);
	}

	/**
	 * How many usable rows were read.
	 * @return the count
	 */
	public int size() {
		return this.rows.size();
	}

	/**
	 * What was skipped or odd.
	 * @return one sentence per problem
	 */
	public List<String> problems() {
		return List.copyOf(this.problems);
	}

	CityExamples bind(ServiceIndex index) {
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < index.services.size(); i++) {
			position.put(index.services.get(i).code(), i);
		}
		Map<String, double[]> counts = new HashMap<>();
		Map<String, Integer> termTotals = new HashMap<>();
		List<String> problems = new ArrayList<>(this.problems);
		int unknown = 0;
		for (String[] row : this.rows) {
			Integer pos = position.get(row[1]);
			if (pos == null) {
				unknown++;
				continue;
			}
			for (String term : distinct(Terms.of(row[0], index.vocabulary, -1, -1))) {
				counts.computeIfAbsent(term, (k) -> new double[index.services.size()])[pos] += 1;
				termTotals.merge(term, 1, Integer::sum);
			}
		}
		if (unknown > 0) {
			problems.add(unknown + " example rows with a service_code not in the catalog skipped");
		}
		Map<String, double[]> votes = new HashMap<>();
		counts.forEach((term, c) -> {
			double total = termTotals.get(term);
			double[] v = new double[c.length];
			// P(service | term), smoothed towards "no opinion", scaled by how reliable
			// the term is (seen often).
			double reliability = total / (total + 2.0);
			for (int i = 0; i < c.length; i++) {
				v[i] = reliability * c[i] / total;
			}
			votes.put(term, v);
		});
		return new CityExamples(this.rows, problems, Map.copyOf(votes));
	}

	private static List<String> distinct(List<Terms.Term> terms) {
		List<String> out = new ArrayList<>();
		for (Terms.Term t : terms) {
			if (!out.contains(t.term())) {
				out.add(t.term());
			}
		}
		return out;
	}

	double[] vote(Map<String, Double> terms) {
		double[] out = null;
		double sum = 0;
		for (Map.Entry<String, Double> e : terms.entrySet()) {
			double[] v = this.votes.get(e.getKey());
			if (v == null) {
				continue;
			}
			if (out == null) {
				out = new double[v.length];
			}
			for (int i = 0; i < v.length; i++) {
				out[i] += e.getValue() * v[i];
			}
			sum += e.getValue();
		}
		if (out == null) {
			return new double[0];
		}
		for (int i = 0; i < out.length; i++) {
			out[i] /= Math.max(1.0, sum);
		}
		return out;
	}

}
