package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.frontdoor.nlp.classify.Splits;
import org.frontdoor.nlp.text.Csv;
import org.frontdoor.nlp.text.TextCleaner;

/**
 * Readers for the real data sets the built-in knowledge and the evaluation sets are
 * derived from (the layout of the team's {@code shared/data} folder, see its README).
 */
final class RealData {

	static final String MULTICITY = "seeclickfix_multicity_2024/issues_flat.csv";

	static final String ATLANTA_COMMENTS = "seeclickfix_atlanta_2018_2019/ATL_seeclickfix_comments_20180708.csv";

	static final String[] ATLANTA_ISSUES = { "seeclickfix_atlanta_2018_2019/ATL_seeclickfix_issues_20180708.csv",
			"seeclickfix_atlanta_2018_2019/ATL_seeclickfix_issues_20191119.csv" };

	static final String FIXMYSTREET = "fixmystreet_cambridge_uk/reports_titles.csv";

	private static final Pattern PHONE = Pattern.compile("\\(?\\b\\d{3}\\)?[-. ]?\\d{3}[-. ]\\d{4}\\b");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private RealData() {
	}

	/**
	 * A real report with the request type it was filed under.
	 *
	 * @param source data set name
	 * @param id the report's id in its data set
	 * @param catalog the organization (whose request types form its catalog)
	 * @param label the request type title, or empty when unlabeled
	 * @param text the resident's text
	 */
	record Report(String source, String id, String catalog, String label, String text) {

		String splitKey() {
			return this.source.equals("multicity") ? "org:" + this.catalog : normalized(this.text);
		}

		Splits.Part part() {
			return Splits.of(splitKey());
		}

	}

	static String normalized(String text) {
		return NON_WORD.matcher(TextCleaner.fold(text)).replaceAll(" ").strip();
	}

	/** Masks phone numbers and email addresses a resident may have typed. */
	static String scrub(String text) {
		return EMAIL.matcher(PHONE.matcher(text).replaceAll("[phone]")).replaceAll("[email]").strip();
	}

	static List<Map<String, String>> csv(Path file) throws IOException {
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<List<String>> records = Csv.parse(r, Integer.MAX_VALUE);
			List<Map<String, String>> out = new ArrayList<>();
			if (records.isEmpty()) {
				return out;
			}
			List<String> header = records.get(0);
			for (int i = 1; i < records.size(); i++) {
				Map<String, String> row = new HashMap<>();
				List<String> rec = records.get(i);
				for (int k = 0; k < header.size(); k++) {
					row.put(header.get(k).replace("\uFEFF", "").strip(), (k < rec.size()) ? rec.get(k) : "");
				}
				out.add(row);
			}
			return out;
		}
	}

	/**
	 * Multi-city SeeClickFix reports with a description (organization's request type).
	 */
	static List<Report> multicity(Path data) throws IOException {
		List<Report> out = new ArrayList<>();
		for (Map<String, String> row : csv(data.resolve(MULTICITY))) {
			String org = row.getOrDefault("request_type_organization", "").strip();
			String title = row.getOrDefault("request_type_title", "").strip();
			String text = row.getOrDefault("description", "").strip();
			if (org.isEmpty() || org.equals("None") || title.isEmpty() || text.isEmpty()) {
				continue;
			}
			out.add(new Report("multicity", row.get("id"), org, title, text));
		}
		return out;
	}

	/**
	 * Atlanta issue titles joined to the ATL311 Solution Topic of their service request.
	 */
	static List<Report> atlantaLabeled(Path data) throws IOException {
		Map<String, String> summaries = atlantaSummaries(data);
		Map<String, Report> byIssue = new LinkedHashMap<>();
		for (Map<String, String> row : csv(data.resolve(ATLANTA_COMMENTS))) {
			String topic = row.getOrDefault("Solution Topic", "").strip();
			String url = row.getOrDefault("issue_url", "");
			String id = url.substring(url.lastIndexOf('/') + 1);
			String summary = summaries.get(id);
			if (topic.isEmpty() || summary == null || summary.isBlank() || byIssue.containsKey(id)) {
				continue;
			}
			byIssue.put(id, new Report("atlanta", id, "atlanta", topic, summary.strip()));
		}
		return new ArrayList<>(byIssue.values());
	}

	/** All Atlanta issue titles (labeled or not), by issue id. */
	static Map<String, String> atlantaSummaries(Path data) throws IOException {
		Map<String, String> summaries = new LinkedHashMap<>();
		for (String f : ATLANTA_ISSUES) {
			for (Map<String, String> row : csv(data.resolve(f))) {
				summaries.put(row.get("id"), row.getOrDefault("summary", ""));
			}
		}
		return summaries;
	}

	/** FixMyStreet Cambridge UK titles, by id. */
	static Map<String, String> fixMyStreet(Path data) throws IOException {
		Map<String, String> titles = new LinkedHashMap<>();
		for (Map<String, String> row : csv(data.resolve(FIXMYSTREET))) {
			titles.put(row.get("id"), row.getOrDefault("title", ""));
		}
		return titles;
	}

}
