package org.frontdoor.channels.core;

/**
 * A location pin the resident shared on purpose (WhatsApp location message, chat "share
 * my location").
 *
 * @param latitude WGS84 latitude
 * @param longitude WGS84 longitude
 * @param label the place name or address the app attached, or {@code null}
 */
public record SharedLocation(double latitude, double longitude, String label) {

}
