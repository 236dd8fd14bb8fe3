package org.frontdoor.gateway.conversation;

/**
 * What one message says about where the problem is, after checking its sources in order
 * (pin, photo GPS, text) against the city.
 *
 * @param verdict what the dialog can do with it
 * @param place the place for {@link Verdict#USABLE} and {@link Verdict#PLAUSIBLE}, else
 * {@code null}
 * @param written what the resident wrote (or the pin's label), or {@code null}
 * @param reason the geocoder's reason when not usable (for admins), or {@code null}
 */
public record LocationFinding(Verdict verdict, Place place, String written, String reason) {

	/** What a location is good for. */
	public enum Verdict {

		/** Inside the city and certain: use it. */
		USABLE,

		/** Probably right: ask the resident to confirm it. */
		PLAUSIBLE,

		/** A real place outside the city. */
		OUTSIDE,

		/** Not found on the city's map. */
		NOT_FOUND

	}

	/**
	 * A usable place.
	 * @param place the place
	 * @return the finding
	 */
	public static LocationFinding usable(Place place) {
		return new LocationFinding(Verdict.USABLE, place, null, null);
	}

}
