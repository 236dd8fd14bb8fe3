package org.frontdoor.nlp.geo;

import org.frontdoor.nlp.location.LocationMention;

/**
 * Turns location mentions into points inside the city, and points back into text. Never
 * throws to the caller: every outcome is a result.
 */
public interface Geocoder {

	/**
	 * Ranked candidates for a mention.
	 * @param mention what the resident wrote
	 * @return the result, with a confidence the dialog can act on
	 */
	GeocodeResult forward(LocationMention mention);

	/**
	 * The nearest address or intersection, for {@code address_string} when the point came
	 * from a pin or photo GPS.
	 * @param point the point
	 * @return the result
	 */
	ReverseResult reverse(GeoPoint point);

}
