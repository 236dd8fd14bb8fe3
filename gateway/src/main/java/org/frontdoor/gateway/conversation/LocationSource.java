package org.frontdoor.gateway.conversation;

/** Where a report's location came from, best first (blueprint §4). */
public enum LocationSource {

	/** A location pin the resident shared (WhatsApp, chat). */
	PIN,

	/** The GPS position in a photo's EXIF data. */
	PHOTO,

	/** An address, intersection, landmark or pole id in the resident's words. */
	TEXT

}
