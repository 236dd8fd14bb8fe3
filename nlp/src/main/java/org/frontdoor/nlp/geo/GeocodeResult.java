package org.frontdoor.nlp.geo;

import java.util.List;

import org.frontdoor.nlp.location.LocationKind;

/**
 * The outcome of a forward geocode.
 *
 * @param confidence what the dialog can do with it
 * @param candidates ranked candidates, best first (empty when none)
 * @param reason why the result is not certain (a sentence the dialog can use), or
 * {@code null}
 */
public record GeocodeResult(Confidence confidence, List<Candidate> candidates, String reason) {

	/** What the dialog may do with a result. */
	public enum Confidence {

		/** Submit with the first candidate. */
		CERTAIN,

		/** Ask the resident to confirm the first candidate. */
		PLAUSIBLE,

		/** Ask for a better location. */
		NONE

	}

	/**
	 * One candidate point.
	 *
	 * @param point where
	 * @param addressString a normalized address for Open311 {@code address_string}
	 * @param kind what sort of place matched
	 * @param score 0..1
	 * @param method how it was found (e.g. {@code interpolated}, {@code intersection},
	 * {@code landmark}, {@code pole}, {@code mapbox})
	 */
	public record Candidate(GeoPoint point, String addressString, LocationKind kind, double score, String method) {

	}

}
