package org.frontdoor.nlp.classify;

/** What the dialog may do with a classification. */
public enum Decision {

	/** Confident enough to file with the top service. */
	AUTO,

	/** Offer the top few services as a menu. */
	ASK,

	/** No service matches well enough to offer; ask the resident what it is about. */
	UNKNOWN

}
