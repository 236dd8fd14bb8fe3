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
	 * from a pin or photo GPS. A point outside the city, at (0,0) or with latitude and
	 * longitude swapped comes back with {@code insideCity = false} and a reason.
	 * @param point the point
	 * @return the result
	 */
	ReverseResult reverse(GeoPoint point);

	/**
	 * The city this geocoder serves (name, boundary, the inside-city check for pins and
	 * photo GPS: {@link City#check(GeoPoint)}).
	 * @return the city
	 */
	City city();

}
