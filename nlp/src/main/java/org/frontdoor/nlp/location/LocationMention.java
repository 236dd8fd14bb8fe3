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
 * @param secondCrossStreet the other bounding street of "{@code street} between
 * {@code crossStreet} and {@code secondCrossStreet}", or {@code null}
 */
public record LocationMention(LocationKind kind, String text, int start, int end, String number, String street,
		String crossStreet, String landmark, String poleId, String qualifier, String town, String secondCrossStreet) {

	/**
	 * A mention without a second cross street (the original eleven components).
	 * @param kind what sort of place
	 * @param text the span as written
	 * @param start offset of the span
	 * @param end offset just past the span
	 * @param number the house number or {@code null}
	 * @param street the street or {@code null}
	 * @param crossStreet the cross street or {@code null}
	 * @param landmark the landmark or {@code null}
	 * @param poleId the pole id or {@code null}
	 * @param qualifier the qualifier or {@code null}
	 * @param town the town or {@code null}
	 */
	public LocationMention(LocationKind kind, String text, int start, int end, String number, String street,
			String crossStreet, String landmark, String poleId, String qualifier, String town) {
		this(kind, text, start, end, number, street, crossStreet, landmark, poleId, qualifier, town, null);
	}

	/**
	 * An address mention ("45 Elm St").
	 * @param number the house number
	 * @param street the street
	 * @return the mention (span = the given text)
	 */
	public static LocationMention address(String number, String street) {
		String text = number + " " + street;
		return new LocationMention(LocationKind.ADDRESS, text, 0, text.length(), number, street, null, null, null, null,
				null, null);
	}

	/**
	 * An intersection mention ("Elm St & Prospect St").
	 * @param street one street
	 * @param crossStreet the other
	 * @return the mention
	 */
	public static LocationMention intersection(String street, String crossStreet) {
		String text = street + " & " + crossStreet;
		return new LocationMention(LocationKind.INTERSECTION, text, 0, text.length(), null, street, crossStreet, null,
				null, null, null, null);
	}

	/**
	 * A landmark mention ("the common").
	 * @param landmark the name as written
	 * @return the mention
	 */
	public static LocationMention landmark(String landmark) {
		return new LocationMention(LocationKind.LANDMARK, landmark, 0, landmark.length(), null, null, null, landmark,
				null, null, null, null);
	}

	/**
	 * A pole mention.
	 * @param poleId the pole id as written
	 * @return the mention
	 */
	public static LocationMention pole(String poleId) {
		return new LocationMention(LocationKind.POLE, poleId, 0, poleId.length(), null, null, null, null, poleId, null,
				null, null);
	}

	/**
	 * This mention with a town named ("in Somerville").
	 * @param town the town as written
	 * @return the copy
	 */
	public LocationMention withTown(String town) {
		return new LocationMention(this.kind, this.text, this.start, this.end, this.number, this.street,
				this.crossStreet, this.landmark, this.poleId, this.qualifier, town, this.secondCrossStreet);
	}

}
