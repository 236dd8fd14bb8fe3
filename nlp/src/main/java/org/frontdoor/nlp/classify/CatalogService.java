package org.frontdoor.nlp.classify;

import java.util.List;

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

	public CatalogService {
		description = (description == null) ? "" : description;
		keywords = (keywords == null) ? List.of() : List.copyOf(keywords);
		group = (group == null) ? "" : group;
		type = (type == null) ? "" : type;
	}

}
