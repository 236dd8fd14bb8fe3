package org.frontdoor.gateway.conversation;

/**
 * A point in the city and how to say it.
 *
 * @param lat WGS84 latitude
 * @param lon WGS84 longitude
 * @param address an address or intersection for Open311 {@code address_string} and for
 * messages, or {@code null}
 * @param source where it came from
 */
public record Place(double lat, double lon, String address, LocationSource source) {

}
