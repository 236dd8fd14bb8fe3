package org.frontdoor.gateway.conversation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which geocoder places residents' words on the map ({@code frontdoor.geocoder.*}; see
 * the README's "Geocoding").
 *
 * @param provider {@code gazetteer} (offline, the built-in or a configured index) or
 * {@code mapbox} (Mapbox with the gazetteer as fallback)
 * @param gazetteer the gazetteer's index
 * @param mapbox Mapbox settings (used when {@code provider=mapbox})
 */
@Validated
@ConfigurationProperties("frontdoor.geocoder")
public record GeocoderProperties(
		@NotNull @Pattern(regexp = "gazetteer|mapbox",
				message = "must be gazetteer or mapbox") @DefaultValue("gazetteer") String provider,
		@Valid @NotNull @DefaultValue Gazetteer gazetteer, @Valid @NotNull @DefaultValue Mapbox mapbox) {

	/**
	 * The settings map {@code org.frontdoor.nlp.geo.Geocoders} reads.
	 * @param boundary the city's boundary file, or {@code null}
	 * @return the settings
	 */
	public Map<String, String> settings(Path boundary) {
		Map<String, String> settings = new LinkedHashMap<>();
		put(settings, "index", this.gazetteer.index());
		put(settings, "boundary", boundary);
		put(settings, "access-token", this.mapbox.accessToken());
		put(settings, "base-url", this.mapbox.baseUrl());
		put(settings, "country", this.mapbox.country());
		if (this.mapbox.types() != null && !this.mapbox.types().isEmpty()) {
			settings.put("types", String.join(",", this.mapbox.types()));
		}
		put(settings, "limit", this.mapbox.limit());
		put(settings, "language", this.mapbox.language());
		put(settings, "proximity", this.mapbox.proximity());
		put(settings, "bbox", this.mapbox.bbox());
		put(settings, "cache-size", this.mapbox.cacheSize());
		put(settings, "timeout-ms", this.mapbox.timeoutMs());
		return settings;
	}

	private static void put(Map<String, String> settings, String key, Object value) {
		if (value != null && !value.toString().isBlank()) {
			settings.put(key, value.toString());
		}
	}

	/**
	 * The offline gazetteer.
	 *
	 * @param index an index file built with the NLP CLI's {@code gazetteer-build}; empty
	 * means the built-in Cambridge, MA index
	 */
	public record Gazetteer(Path index) {

	}

	/**
	 * Mapbox geocoding (the access token only from the environment:
	 * {@code FRONTDOOR_GEOCODER_MAPBOX_ACCESSTOKEN}).
	 *
	 * @param accessToken the Mapbox token ({@code pk.…}); secret
	 * @param baseUrl the API origin
	 * @param country ISO country filter
	 * @param types Mapbox feature types searched
	 * @param limit candidates per query (1–10)
	 * @param language result language
	 * @param proximity bias results towards "lat,lon"
	 * @param bbox limit results to "minLon,minLat,maxLon,maxLat"
	 * @param cacheSize answers cached in memory
	 * @param timeoutMs timeout of one call in milliseconds
	 */
	public record Mapbox(String accessToken, @DefaultValue("https://api.mapbox.com/") String baseUrl,
			@DefaultValue("us") String country, List<String> types, Integer limit, String language, String proximity,
			String bbox, Integer cacheSize, Integer timeoutMs) {

	}

}
