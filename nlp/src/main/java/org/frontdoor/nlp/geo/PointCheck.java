package org.frontdoor.nlp.geo;

/**
 * Whether a point (a shared pin, a photo's GPS) can be used as an incident location in
 * the city, and if not, why — in a sentence the dialog can say.
 *
 * @param status the verdict
 * @param point the point that was checked
 * @param reason why it was refused, or {@code null} when accepted
 * @param suggestion a corrected point worth offering ("did you mean…?"), e.g. the point
 * with latitude and longitude swapped back; {@code null} when none
 */
public record PointCheck(Status status, GeoPoint point, String reason, GeoPoint suggestion) {

	/** The verdict on a point. */
	public enum Status {

		/** Inside the city: use it. */
		INSIDE,

		/** A real place outside the city. */
		OUTSIDE,

		/** Exactly (0,0): a device without a GPS fix. */
		NULL_ISLAND,

		/** Latitude and longitude were written the wrong way round. */
		SWAPPED,

		/**
		 * The longitude lost its sign (a photo's GPS without its west/east reference).
		 */
		WRONG_SIGN,

		/** Not a coordinate at all (NaN, out of range). */
		INVALID

	}

	/**
	 * Whether the point can be used as is.
	 * @return whether the status is {@link Status#INSIDE}
	 */
	public boolean accepted() {
		return this.status == Status.INSIDE;
	}

}
