package org.frontdoor.nlp.geo;

import java.util.Map;

/**
 * Creates geocoders by name, for the CLI ({@code --geocoder}) and the gateway
 * ({@code frontdoor.geocoder.provider}).
 */
public final class Geocoders {

	private Geocoders() {
	}

	/**
	 * A geocoder by provider name.
	 * @param provider {@code gazetteer} or {@code mapbox}
	 * @param settings provider settings (e.g. the Mapbox access token taken from the
	 * environment); may be empty
	 * @return the geocoder
	 * @throws IllegalArgumentException for an unknown provider or missing settings
	 */
	public static Geocoder create(String provider, Map<String, String> settings) {
		throw new IllegalArgumentException("unknown geocoder '" + provider + "' (not built yet)");
	}

}
