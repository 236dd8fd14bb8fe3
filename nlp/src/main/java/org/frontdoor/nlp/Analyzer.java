package org.frontdoor.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.frontdoor.nlp.classify.Catalog;
import org.frontdoor.nlp.classify.CityExamples;
import org.frontdoor.nlp.classify.Classification;
import org.frontdoor.nlp.classify.ServiceClassifier;
import org.frontdoor.nlp.geo.GeocodeResult;
import org.frontdoor.nlp.geo.Geocoder;
import org.frontdoor.nlp.intent.Intent;
import org.frontdoor.nlp.intent.IntentDetector;
import org.frontdoor.nlp.intent.IntentResult;
import org.frontdoor.nlp.language.LanguageDetector;
import org.frontdoor.nlp.language.LanguageGuess;
import org.frontdoor.nlp.location.LocationExtractor;
import org.frontdoor.nlp.location.LocationMention;
import org.frontdoor.nlp.text.TextCleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understands resident messages against one city's catalog: language, intent, service
 * classification, location mention and (optionally) a geocode. Build it once per catalog
 * (catalog indexing and the built-in knowledge load happen at build time); it is
 * immutable and thread-safe. {@link #analyze} never throws for any input: what limited
 * the analysis is in {@link Analysis#warnings()}. Only the first
 * {@value TextCleaner#MAX_CHARS} characters of a message are analyzed.
 */
public final class Analyzer {

	private static final Logger log = LoggerFactory.getLogger(Analyzer.class);

	private final ServiceClassifier classifier;

	private final LanguageDetector languages = LanguageDetector.standard();

	private final IntentDetector intents = IntentDetector.standard();

	private final LocationExtractor locations;

	private final Geocoder geocoder;

	private Analyzer(Builder b) {
		this.classifier = (b.examples != null) ? ServiceClassifier.forCatalog(b.catalog, b.examples)
				: ServiceClassifier.forCatalog(b.catalog);
		this.locations = (b.locations != null) ? b.locations : LocationExtractor.standard();
		this.geocoder = b.geocoder;
	}

	/**
	 * Starts building an analyzer for a catalog.
	 * @param catalog the city's catalog
	 * @return the builder
	 */
	public static Builder builder(Catalog catalog) {
		return new Builder(catalog);
	}

	/**
	 * The catalog in use.
	 * @return the catalog
	 */
	public Catalog catalog() {
		return this.classifier.catalog();
	}

	/**
	 * Analyzes one message.
	 * @param request the message
	 * @return the analysis; never {@code null}
	 */
	public Analysis analyze(AnalysisRequest request) {
		List<String> warnings = new ArrayList<>();
		TextCleaner.Bounded body = TextCleaner.bound(request.text());
		if (body.truncated()) {
			warnings.add("text is " + body.originalLength() + " characters; only the first " + TextCleaner.MAX_CHARS
					+ " were analyzed");
		}
		String subject = TextCleaner.bound(request.subject()).text();
		String text = body.text();
		String both = subject.isBlank() ? text : subject + "\n" + text;
		LanguageGuess language = this.languages.detect(both, request.languageHint());
		IntentResult intent = this.intents.detect(text.isBlank() ? subject : text);
		LocationMention mention = null;
		try {
			mention = this.locations.extract(text).orElse(null);
			if (mention == null && !subject.isBlank()) {
				mention = this.locations.extract(subject).orElse(null);
			}
		}
		catch (RuntimeException ex) {
			log.debug("location extraction failed", ex);
			warnings.add("location extraction failed: " + ex.getClass().getSimpleName());
		}
		Classification classification;
		if (intent.intent() != Intent.REPORT) {
			classification = Classification.unknown("not a report: " + intent.intent().code());
		}
		else {
			boolean inBody = mention != null && mention.start() >= 0 && mention.end() <= text.length()
					&& text.regionMatches(mention.start(), mention.text(), 0, mention.text().length());
			classification = this.classifier.classify(text, subject, inBody ? mention.start() : -1,
					inBody ? mention.end() : -1);
		}
		if (intent.intent() == Intent.REPORT) {
			if (text.isBlank() && subject.isBlank()) {
				warnings.add("empty text");
			}
			else if (!hasLetter(text) && !hasLetter(subject)) {
				warnings.add("the text has no words");
			}
			else if (classification.ranked().isEmpty()) {
				warnings.add("no service: " + classification.reason());
			}
		}
		GeocodeResult geocode = null;
		if (this.geocoder != null && mention != null) {
			try {
				geocode = this.geocoder.forward(mention);
			}
			catch (RuntimeException ex) {
				log.debug("geocoding failed", ex);
				warnings.add("geocoding failed: " + ex.getClass().getSimpleName());
			}
		}
		return new Analysis(language, intent, classification, mention, geocode, warnings);
	}

	private static boolean hasLetter(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (Character.isLetter(s.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** Builds an {@link Analyzer}. */
	public static final class Builder {

		private final Catalog catalog;

		private CityExamples examples;

		private LocationExtractor locations;

		private Geocoder geocoder;

		private Builder(Catalog catalog) {
			this.catalog = Objects.requireNonNull(catalog, "catalog");
		}

		/**
		 * The city's own past requests, to improve classification.
		 * @param examples the examples, or {@code null}
		 * @return this
		 */
		public Builder examples(CityExamples examples) {
			this.examples = examples;
			return this;
		}

		/**
		 * The location extractor (default: {@link LocationExtractor#standard()}).
		 * @param locations the extractor
		 * @return this
		 */
		public Builder locations(LocationExtractor locations) {
			this.locations = locations;
			return this;
		}

		/**
		 * A geocoder for the location mention (default: none).
		 * @param geocoder the geocoder, or {@code null}
		 * @return this
		 */
		public Builder geocoder(Geocoder geocoder) {
			this.geocoder = geocoder;
			return this;
		}

		/**
		 * Builds the analyzer (indexes the catalog).
		 * @return the analyzer
		 */
		public Analyzer build() {
			return new Analyzer(this);
		}

	}

}
