package org.frontdoor.gateway.open311;

/**
 * One allowed value of a list attribute.
 *
 * @param key what is sent
 * @param name what is shown to the resident
 */
public record AttributeValue(String key, String name) {

}
