package org.frontdoor.nlp.geo;

/**
 * A WGS84 point.
 *
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 */
public record GeoPoint(double lat, double lon) {

}
