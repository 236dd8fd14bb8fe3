package org.frontdoor.nlp.location;

/**
 * A place named in a resident's text, as written (not yet geocoded).
 *
 * @param kind what sort of place
 * @param text the span as the resident wrote it
 * @param start offset of the span in the analyzed text
 * @param end offset just past the span
 * @param number the house number for {@link LocationKind#ADDRESS}, else {@code null}
 * @param street the (first) street, as written, or {@code null}
 * @param crossStreet the second street of an intersection (or of "between X and Y"), or
 * {@code null}
 * @param landmark the landmark name, or {@code null}
 * @param poleId the street-light pole id, or {@code null}
 * @param qualifier "near", "across from", "in front of"… or {@code null}
 * @param town a town or city named with the place ("in Somerville"), or {@code null}
 */
public record LocationMention(LocationKind kind, String text, int start, int end, String number, String street,
		String crossStreet, String landmark, String poleId, String qualifier, String town) {

}
