package org.frontdoor.nlp.location;

/** What sort of place a resident named. */
public enum LocationKind {

	/** A house number and a street: "outside 1200 Mass Ave". */
	ADDRESS,

	/** Two streets: "corner of Belmont and Mt Auburn". */
	INTERSECTION,

	/** A named place: "the common", "main library". */
	LANDMARK,

	/** A street-light pole id. */
	POLE

}
