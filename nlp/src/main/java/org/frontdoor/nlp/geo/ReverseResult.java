package org.frontdoor.nlp.geo;

/**
 * The outcome of a reverse geocode.
 *
 * @param insideCity whether the point is inside the city boundary
 * @param addressString the nearest address or intersection as text, or {@code null}
 * @param distanceMeters how far that address is from the point
 * @param reason why the point was refused (outside the city, (0,0), swapped lat/lon), or
 * {@code null}
 */
public record ReverseResult(boolean insideCity, String addressString, double distanceMeters, String reason) {

}
