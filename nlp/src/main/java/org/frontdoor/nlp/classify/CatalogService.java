package org.frontdoor.nlp.classify;

import java.util.List;
import java.util.Set;

import org.frontdoor.nlp.text.TextCleaner;

/**
 * One service of a city's Open311 (GeoReport v2) catalog, as far as classification needs
 * it. Every field but the code and name may be empty: many backends publish only names.
 *
 * @param code {@code service_code}, always as a string (backends send integers too)
 * @param name {@code service_name}
 * @param description {@code description}, or empty
 * @param keywords {@code keywords}, split on commas
 * @param group {@code group}, or empty
 * @param metadata whether the service has attributes ({@code metadata}, tolerant of
 * {@code "true"} strings)
 * @param type {@code realtime}, {@code batch}, {@code blackbox}, or empty
 */
public record CatalogService(String code, String name, String description, List<String> keywords, String group,
		boolean metadata, String type) {

	/**
	 * A service with just a code and a name.
	 * @param code the service code
	 * @param name the service name
	 * @return the service
	 */
	public static CatalogService of(String code, String name) {
		return new CatalogService(code, name, "", List.of(), "", false, "");
	}

	private static final Set<String> CATCH_ALL_WORDS = Set.of("other", "general", "misc", "miscellaneous", "issue",
			"request", "inquiry", "information", "info", "concern", "complaint", "question", "comment", "problem",
			"report", "service");

	/**
	 * Whether this is the catalog's catch-all: a name made only of words like "other",
	 * "general", "inquiry", "issue", with at least one of other/general/misc ("Other",
	 * "General Inquiry", "General Complaint / Other"; not "Other Animal Issues").
	 * @return true for a catch-all service
	 */
	public boolean isCatchAll() {
		boolean marker = false;
		for (String w : TextCleaner.fold(this.name).split("[^a-z]+")) {
			if (w.isEmpty() || w.equals("and") || w.equals("or") || w.equals("of")) {
				continue;
			}
			String stem = Terms.stem(w);
			if (!CATCH_ALL_WORDS.contains(stem)) {
				return false;
			}
			marker |= stem.equals("other") || stem.equals("general") || stem.startsWith("misc");
		}
		return marker;
	}

	public CatalogService {
		description = (description == null) ? "" : description;
		keywords = (keywords == null) ? List.of() : List.copyOf(keywords);
		group = (group == null) ? "" : group;
		type = (type == null) ? "" : type;
	}

}
