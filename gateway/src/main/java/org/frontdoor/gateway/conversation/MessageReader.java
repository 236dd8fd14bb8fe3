package org.frontdoor.gateway.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.SharedLocation;
import org.frontdoor.nlp.Analysis;
import org.frontdoor.nlp.geo.GeoPoint;
import org.frontdoor.nlp.geo.GeocodeResult;
import org.frontdoor.nlp.geo.Geocoder;
import org.frontdoor.nlp.geo.PointCheck;
import org.frontdoor.nlp.geo.ReverseResult;
import org.frontdoor.nlp.intent.Intent;
import org.frontdoor.nlp.intent.IntentResult;
import org.frontdoor.nlp.language.Language;

/**
 * Reads one inbound message into a {@link Turn}: the command (keywords, before any NLP;
 * on SMS and WhatsApp the carriers' opt-out words such as CANCEL, END and QUIT mean
 * STOP), the services its words suggest, and the place, from the best source that is
 * usable: a shared pin, then a photo's GPS, then the words (address, intersection,
 * landmark, pole), each checked against the city. Points from pins and photos get their
 * {@code address_string} by reverse geocoding. The provider's caller-location fields are
 * never read (the channels do not even keep them).
 */
public class MessageReader {

	private final CatalogAnalyzer analyzer;

	private final Geocoder geocoder;

	/**
	 * A reader.
	 * @param analyzer the analyzer for the current catalog
	 */
	public MessageReader(CatalogAnalyzer analyzer) {
		this.analyzer = analyzer;
		this.geocoder = analyzer.geocoder();
	}

	/**
	 * Read a message.
	 * @param message the message
	 * @param media its media, fetched
	 * @param hint the resident's remembered language, or {@code null}
	 * @return the reading, or empty while the catalog has not loaded yet
	 */
	public Optional<Reading> read(InboundMessage message, ProviderMedia.Fetched media, Language hint) {
		Optional<Analysis> analyzed = this.analyzer.analyze(message.text(), message.subject(), message.channel().name(),
				hint);
		if (analyzed.isEmpty()) {
			return Optional.empty();
		}
		Analysis analysis = analyzed.get();
		IntentResult intent = analysis.intent();
		boolean textChannel = message.channel() == Channel.SMS || message.channel() == Channel.WHATSAPP;
		Intent command = intent.intent();
		if (textChannel && intent.carrierKeyword() == IntentResult.CarrierKeyword.OPT_OUT) {
			command = Intent.STOP;
		}
		boolean carrierOptIn = textChannel && intent.carrierKeyword() == IntentResult.CarrierKeyword.OPT_IN;
		List<String> stored = new ArrayList<>();
		for (InboundMedia medium : media.media()) {
			if (medium.storedMediaId() != null) {
				stored.add(medium.storedMediaId());
			}
		}
		LocationFinding location = locate(message, media.media(), analysis);
		Language language = analysis.language().language();
		Turn turn = new Turn(command, intent.argument(), message.text(),
				(command == Intent.REPORT) ? analysis.classification() : null, location, stored, media.problem(),
				Locale.forLanguageTag(language.code()), message.receivedAt());
		return Optional.of(new Reading(turn, language, analysis.language().fromEvidence(), carrierOptIn));
	}

	/** The best usable location of a message, else the best refusal, else nothing. */
	LocationFinding locate(InboundMessage message, List<InboundMedia> media, Analysis analysis) {
		List<LocationFinding> findings = new ArrayList<>();
		SharedLocation pin = message.sharedLocation();
		if (pin != null) {
			findings.add(point(pin.latitude(), pin.longitude(), LocationSource.PIN, pin.label()));
		}
		for (InboundMedia medium : media) {
			if (medium.storedMediaId() != null && medium.exifLocation() != null) {
				findings.add(point(medium.exifLocation().latitude(), medium.exifLocation().longitude(),
						LocationSource.PHOTO, null));
				break;
			}
		}
		if (analysis.location() != null && analysis.geocode() != null) {
			findings.add(text(analysis.location().text(), analysis.geocode()));
		}
		for (LocationFinding.Verdict wanted : List.of(LocationFinding.Verdict.USABLE,
				LocationFinding.Verdict.PLAUSIBLE)) {
			for (LocationFinding finding : findings) {
				if (finding.verdict() == wanted) {
					return finding;
				}
			}
		}
		return findings.isEmpty() ? null : findings.get(0);
	}

	private LocationFinding point(double lat, double lon, LocationSource source, String label) {
		PointCheck check = this.geocoder.city().check(new GeoPoint(lat, lon));
		if (check.accepted()) {
			return LocationFinding.usable(new Place(lat, lon, address(check.point()), source));
		}
		if (check.suggestion() != null && this.geocoder.city().check(check.suggestion()).accepted()) {
			GeoPoint fixed = check.suggestion();
			return new LocationFinding(LocationFinding.Verdict.PLAUSIBLE,
					new Place(fixed.lat(), fixed.lon(), address(fixed), source), label, check.reason());
		}
		boolean outside = check.status() == PointCheck.Status.OUTSIDE;
		return new LocationFinding(outside ? LocationFinding.Verdict.OUTSIDE : LocationFinding.Verdict.NOT_FOUND, null,
				label, check.reason());
	}

	private String address(GeoPoint point) {
		ReverseResult reverse = this.geocoder.reverse(point);
		return (reverse.addressString() != null && !reverse.addressString().isBlank()) ? reverse.addressString() : null;
	}

	private static LocationFinding text(String written, GeocodeResult result) {
		GeocodeResult.Candidate best = result.best();
		return switch (result.confidence()) {
			case CERTAIN -> LocationFinding
				.usable(new Place(best.point().lat(), best.point().lon(), best.addressString(), LocationSource.TEXT));
			case PLAUSIBLE -> new LocationFinding(LocationFinding.Verdict.PLAUSIBLE,
					new Place(best.point().lat(), best.point().lon(), best.addressString(), LocationSource.TEXT),
					written, result.reason());
			case NONE -> new LocationFinding(
					outside(result.reason()) ? LocationFinding.Verdict.OUTSIDE : LocationFinding.Verdict.NOT_FOUND,
					null, written, result.reason());
		};
	}

	/**
	 * The geocoders' refusals name the city they are outside of ("…, outside Cambridge").
	 */
	static boolean outside(String reason) {
		return reason != null && reason.toLowerCase(Locale.ROOT).contains("outside");
	}

	/**
	 * A message as read.
	 *
	 * @param turn what the dialog sees
	 * @param language the language the text is in
	 * @param languageFromEvidence whether the text decided it (not the hint or the
	 * default)
	 * @param carrierOptIn whether the message is a carriers' opt-in word (START, YES,
	 * UNSTOP) on SMS or WhatsApp
	 */
	public record Reading(Turn turn, Language language, boolean languageFromEvidence, boolean carrierOptIn) {

	}

}
