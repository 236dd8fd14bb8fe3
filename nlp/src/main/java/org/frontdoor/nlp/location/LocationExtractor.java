package org.frontdoor.nlp.location;

import java.util.Optional;

/**
 * Finds the place a resident named in free text (addresses, intersections in every common
 * phrasing, landmarks, pole ids), in English and Spanish, without relying on
 * capitalization.
 */
public final class LocationExtractor {

	/**
	 * The extractor with the built-in place names (street names and landmarks of the
	 * bundled gazetteer).
	 * @return the extractor
	 */
	public static LocationExtractor standard() {
		return new LocationExtractor();
	}

	/**
	 * The best location mention in the text, if any.
	 * @param text the resident's text (may be empty, never {@code null})
	 * @return the mention, or empty
	 */
	public Optional<LocationMention> extract(String text) {
		return Optional.empty();
	}

}
