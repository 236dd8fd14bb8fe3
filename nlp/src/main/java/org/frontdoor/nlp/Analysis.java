package org.frontdoor.nlp;

import java.util.List;
import java.util.Optional;

import org.frontdoor.nlp.classify.Classification;
import org.frontdoor.nlp.geo.GeocodeResult;
import org.frontdoor.nlp.intent.IntentResult;
import org.frontdoor.nlp.language.LanguageGuess;
import org.frontdoor.nlp.location.LocationMention;

/**
 * What FrontDoor understood of one message.
 *
 * @param language the language to answer in
 * @param intent the command, or {@code REPORT}
 * @param classification the ranked services (for a {@code REPORT}; an UNKNOWN
 * classification with reason "not a report" for commands)
 * @param location the place the text names, or {@code null}
 * @param geocode the geocoder's answer for that place, or {@code null} (no geocoder, or
 * no place)
 * @param warnings what limited the analysis (text cut at the size limit, empty text, a
 * component that failed), one sentence each
 */
public record Analysis(LanguageGuess language, IntentResult intent, Classification classification,
		LocationMention location, GeocodeResult geocode, List<String> warnings) {

	public Analysis {
		warnings = List.copyOf(warnings);
	}

	/**
	 * The place the text names.
	 * @return the mention, if any
	 */
	public Optional<LocationMention> locationMention() {
		return Optional.ofNullable(this.location);
	}

	/**
	 * The geocoder's answer.
	 * @return the result, if a geocoder ran
	 */
	public Optional<GeocodeResult> geocodeResult() {
		return Optional.ofNullable(this.geocode);
	}

}
