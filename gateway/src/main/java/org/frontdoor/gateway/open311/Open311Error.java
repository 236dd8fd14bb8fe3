package org.frontdoor.gateway.open311;

/**
 * One entry of a GeoReport v2 error list.
 *
 * @param code the backend's code (often the HTTP status, sometimes a field name)
 * @param description the backend's explanation
 */
public record Open311Error(String code, String description) {

}
