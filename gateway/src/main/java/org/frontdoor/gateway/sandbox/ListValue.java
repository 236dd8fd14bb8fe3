package org.frontdoor.gateway.sandbox;

/**
 * One option of a {@code singlevaluelist} or {@code multivaluelist} attribute.
 *
 * @param key what a client sends as the attribute's value
 * @param name what a resident reads
 */
public record ListValue(String key, String name) {

}
