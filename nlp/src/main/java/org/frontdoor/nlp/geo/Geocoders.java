package org.frontdoor.nlp.geo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates geocoders by name, for the CLI ({@code --geocoder}) and the gateway
 * ({@code frontdoor.geocoder.provider}).
 * <p>
 * Settings keys are the property names below {@code frontdoor.geocoder.<provider>.} (or
 * {@code frontdoor.city.}), in any of the usual spellings: {@code access-token},
 * {@code accessToken}, {@code frontdoor.geocoder.mapbox.access-token} and the environment
 * variables {@code FRONTDOOR_GEOCODER_MAPBOX_ACCESSTOKEN} (Spring's form),
 * {@code FRONTDOOR_GEOCODER_MAPBOX_ACCESS_TOKEN} and {@code MAPBOX_ACCESS_TOKEN} all mean
 * the same key (the {@code frontdoor} spellings win). Keys:
 * <ul>
 * <li>{@code index}: a gazetteer index file built by {@code gazetteer-build} (default:
 * the built-in Cambridge, MA index)</li>
 * <li>{@code boundary}: a GeoJSON boundary replacing the index's city boundary
 * ({@code frontdoor.city.boundary})</li>
 * <li>mapbox only: {@code access-token} (required, from the environment),
 * {@code base-url}, {@code country}, {@code types}, {@code limit}, {@code language},
 * {@code proximity} ("lat,lon"), {@code bbox} ("minLon,minLat,maxLon,maxLat"),
 * {@code cache-size}, {@code timeout-ms}; see {@link MapboxGeocoder.Settings}</li>
 * </ul>
 */
public final class Geocoders {

	/** The provider names. */
	public static final List<String> PROVIDERS = List.of("gazetteer", "mapbox");

	private static final List<String> PREFIXES = List.of("frontdoor-geocoder-mapbox-", "frontdoor-geocoder-gazetteer-",
			"frontdoor-geocoder-", "frontdoor-city-", "mapbox-");

	private Geocoders() {
	}

	/**
	 * A geocoder by provider name.
	 * @param provider {@code gazetteer} or {@code mapbox}
	 * @param settings provider settings (e.g. the Mapbox access token taken from the
	 * environment); may be empty
	 * @return the geocoder
	 * @throws IllegalArgumentException for an unknown provider or missing settings
	 * @throws CityDataException when an index or boundary file is unusable
	 */
	public static Geocoder create(String provider, Map<String, String> settings) {
		Map<String, String> s = normalize((settings != null) ? settings : Map.of());
		String p = (provider == null) ? "" : provider.strip().toLowerCase(Locale.ROOT);
		return switch (p) {
			case "gazetteer" -> gazetteer(s);
			case "mapbox" -> new MapboxGeocoder(MapboxGeocoder.Settings.from(s), gazetteer(s));
			default -> throw new IllegalArgumentException(
					"unknown geocoder '" + provider + "' (known: " + String.join(", ", PROVIDERS) + ")");
		};
	}

	/**
	 * The gazetteer geocoder for settings ({@code index}, {@code boundary}).
	 * @param settings normalized settings
	 * @return the geocoder
	 */
	static GazetteerGeocoder gazetteer(Map<String, String> settings) {
		String indexFile = settings.get("index");
		GazetteerIndex index = (indexFile == null || indexFile.isBlank()) ? GazetteerIndex.builtIn()
				: GazetteerIndex.load(Path.of(indexFile));
		City city = index.city();
		String boundary = settings.get("boundary");
		if (boundary != null && !boundary.isBlank()) {
			Path file = Path.of(boundary);
			city = new City(city.name(), city.region(), city.country(), Boundary.fromGeoJson(GeoJson.read(file)),
					city.placeNames());
		}
		return new GazetteerGeocoder(index, city);
	}

	/**
	 * Settings keys in one spelling: lower case, no dashes, without the
	 * {@code frontdoor.geocoder.<provider>.} / {@code frontdoor.city.} / {@code MAPBOX_}
	 * prefixes ({@code FRONTDOOR_GEOCODER_MAPBOX_ACCESS_TOKEN}, {@code access-token} and
	 * {@code accessToken} → {@code accesstoken}).
	 * @param settings the raw settings
	 * @return the normalized settings
	 */
	static Map<String, String> normalize(Map<String, String> settings) {
		Map<String, String> out = new HashMap<>();
		// the frontdoor.* spellings win over MAPBOX_* ones: apply them last
		List<Map.Entry<String, String>> entries = new java.util.ArrayList<>(settings.entrySet());
		entries.removeIf((e) -> e.getKey() == null || e.getValue() == null);
		entries.sort(java.util.Comparator
			.comparing((Map.Entry<String, String> e) -> e.getKey().toLowerCase(Locale.ROOT).startsWith("frontdoor")));
		entries.forEach((e) -> {
			String k = e.getKey();
			String v = e.getValue();
			String key = k.replaceAll("([a-z])([A-Z])", "$1-$2")
				.toLowerCase(Locale.ROOT)
				.replace('_', '-')
				.replace('.', '-');
			for (String prefix : PREFIXES) {
				if (key.startsWith(prefix)) {
					key = key.substring(prefix.length());
					break;
				}
			}
			// Spring's environment form drops the dashes
			// (FRONTDOOR_GEOCODER_MAPBOX_ACCESSTOKEN): so do we
			out.put(key.replace("-", ""), v);
		});
		return out;
	}

}
