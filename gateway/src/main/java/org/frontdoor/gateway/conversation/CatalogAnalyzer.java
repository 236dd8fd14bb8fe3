package org.frontdoor.gateway.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.frontdoor.gateway.open311.Open311Catalog;
import org.frontdoor.gateway.open311.Service;
import org.frontdoor.nlp.Analysis;
import org.frontdoor.nlp.AnalysisRequest;
import org.frontdoor.nlp.Analyzer;
import org.frontdoor.nlp.classify.Catalog;
import org.frontdoor.nlp.classify.CatalogService;
import org.frontdoor.nlp.geo.Geocoder;
import org.frontdoor.nlp.language.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NLP analyzer for the city's current catalog: built when the Open311 catalog first
 * loads and rebuilt whenever a reload brings other services, so the classifier always
 * works against the services the backend offers now. Thread-safe.
 */
public class CatalogAnalyzer {

	private static final Logger log = LoggerFactory.getLogger(CatalogAnalyzer.class);

	private final Open311Catalog catalog;

	private final Geocoder geocoder;

	private volatile Built built;

	/**
	 * An analyzer source.
	 * @param catalog the Open311 catalog
	 * @param geocoder the geocoder for location mentions
	 */
	public CatalogAnalyzer(Open311Catalog catalog, Geocoder geocoder) {
		this.catalog = catalog;
		this.geocoder = geocoder;
	}

	/**
	 * Analyze a message against the current catalog.
	 * @param text the message
	 * @param subject an email subject, or {@code null}
	 * @param channel the channel name
	 * @param hint the resident's remembered language, or {@code null}
	 * @return the analysis, or empty while the catalog has not loaded yet
	 */
	public Optional<Analysis> analyze(String text, String subject, String channel, Language hint) {
		return analyzer().map((analyzer) -> analyzer
			.analyze(new AnalysisRequest(text, subject, channel.toLowerCase(Locale.ROOT), hint)));
	}

	/**
	 * The geocoder in use.
	 * @return the geocoder
	 */
	public Geocoder geocoder() {
		return this.geocoder;
	}

	private Optional<Analyzer> analyzer() {
		Instant loadedAt = this.catalog.loadedAt();
		if (loadedAt == null) {
			return Optional.empty();
		}
		Built current = this.built;
		if (current != null && current.loadedAt().equals(loadedAt)) {
			return Optional.of(current.analyzer());
		}
		synchronized (this) {
			current = this.built;
			if (current == null || !current.loadedAt().equals(loadedAt)) {
				List<Service> services = this.catalog.services();
				if (current != null && current.services().equals(services)) {
					current = new Built(loadedAt, services, current.analyzer());
					this.built = current;
					return Optional.of(current.analyzer());
				}
				Catalog nlpCatalog = Catalog.of(services.stream()
					.map((s) -> new CatalogService(s.code(), s.name(), s.description(), s.keywords(), s.group(),
							s.metadata(), s.type().name().toLowerCase(Locale.ROOT)))
					.toList());
				current = new Built(loadedAt, services, Analyzer.builder(nlpCatalog).geocoder(this.geocoder).build());
				this.built = current;
				log.info("Message analyzer built for {} services", services.size());
			}
			return Optional.of(current.analyzer());
		}
	}

	private record Built(Instant loadedAt, List<Service> services, Analyzer analyzer) {

	}

}
