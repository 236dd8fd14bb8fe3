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
 * @param note for operators and logs, never for residents: e.g. why the gazetteer was
 * used instead of Mapbox ("mapbox: HTTP 429 rate limited"); {@code null} when nothing to
 * note
 */
public record GeocodeResult(Confidence confidence, List<Candidate> candidates, String reason, String note) {

	/**
	 * A result without a note (the original three components).
	 * @param confidence what the dialog can do with it
	 * @param candidates ranked candidates
	 * @param reason why it is not certain, or {@code null}
	 */
	public GeocodeResult(Confidence confidence, List<Candidate> candidates, String reason) {
		this(confidence, candidates, reason, null);
	}

	/**
	 * No usable place.
	 * @param reason a sentence the dialog can use
	 * @return the result
	 */
	public static GeocodeResult none(String reason) {
		return new GeocodeResult(Confidence.NONE, List.of(), reason, null);
	}

	/**
	 * No usable place, with a note for operators.
	 * @param reason a sentence the dialog can use
	 * @param note for logs and operators
	 * @return the result
	 */
	public static GeocodeResult none(String reason, String note) {
		return new GeocodeResult(Confidence.NONE, List.of(), reason, note);
	}

	/**
	 * The same result with a note for operators.
	 * @param note the note
	 * @return the copy
	 */
	public GeocodeResult withNote(String note) {
		return new GeocodeResult(this.confidence, this.candidates, this.reason, note);
	}

	/**
	 * The best candidate, if the result has one.
	 * @return the first candidate or {@code null}
	 */
	public Candidate best() {
		return this.candidates.isEmpty() ? null : this.candidates.get(0);
	}

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
