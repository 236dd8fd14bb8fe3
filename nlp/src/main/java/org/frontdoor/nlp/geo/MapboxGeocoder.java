package org.frontdoor.nlp.geo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.mapbox.api.geocoding.v5.GeocodingCriteria;
import com.mapbox.api.geocoding.v5.MapboxGeocoding;
import com.mapbox.api.geocoding.v5.models.CarmenFeature;
import com.mapbox.api.geocoding.v5.models.GeocodingResponse;
import com.mapbox.geojson.Point;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Response;

import org.frontdoor.nlp.geo.GeocodeResult.Candidate;
import org.frontdoor.nlp.geo.GeocodeResult.Confidence;
import org.frontdoor.nlp.location.LocationKind;
import org.frontdoor.nlp.location.LocationMention;

/**
 * The production geocoder: Mapbox Geocoding v5 ({@code mapbox-java-services}) biased to
 * the city (bounding box, proximity, country, types, limit), results outside the boundary
 * dropped, answers cached (bounded, with a time to live), and the city's gazetteer as the
 * fallback: street-light poles and the city's own landmark names always go to the
 * gazetteer; HTTP errors, rate limits (429) and network failures fall back to it with the
 * reason in {@link GeocodeResult#note()}. The access token travels in the URL; every log
 * line masks it.
 */
public final class MapboxGeocoder implements Geocoder {

	private static final Logger log = LoggerFactory.getLogger(MapboxGeocoder.class);

	private static final Pattern TOKEN_PARAM = Pattern.compile("(access_token=)[^&\\s]+");

	private static final Map<Integer, String> HTTP_REASONS = Map.of(401, "access token rejected", 403,
			"access token not allowed for this request", 404, "endpoint not found", 422, "query rejected", 429,
			"rate limited");

	private final Settings settings;

	private final GazetteerGeocoder fallback;

	private final OkHttpClient http;

	private final Cache cache;

	/**
	 * A Mapbox geocoder.
	 * @param settings the settings (token, bias, cache)
	 * @param fallback the city's gazetteer: for poles, the city's landmarks and failures
	 */
	public MapboxGeocoder(Settings settings, GazetteerGeocoder fallback) {
		this.settings = settings;
		this.fallback = fallback;
		this.cache = new Cache(settings.cacheSize(), settings.cacheTtl());
		String token = settings.accessToken();
		this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(settings.timeoutMs()))
			.readTimeout(Duration.ofMillis(settings.timeoutMs()))
			.callTimeout(Duration.ofMillis(settings.timeoutMs() * 2L))
			.retryOnConnectionFailure(false)
			.addInterceptor((chain) -> {
				Request request = chain.request();
				long start = System.nanoTime();
				okhttp3.Response response = chain.proceed(request);
				if (log.isDebugEnabled()) {
					log.debug("mapbox {} {} -> {} in {} ms", request.method(), mask(request.url().toString(), token),
							response.code(), (System.nanoTime() - start) / 1_000_000);
				}
				return response;
			})
			.build();
	}

	@Override
	public City city() {
		return this.fallback.city();
	}

	/**
	 * Masks the access token in a text (a URL, an exception message).
	 * @param text the text
	 * @param token the token (may be {@code null})
	 * @return the text with the token replaced by {@code ***}
	 */
	static String mask(String text, String token) {
		if (text == null) {
			return null;
		}
		String t = TOKEN_PARAM.matcher(text).replaceAll("$1***");
		if (token != null && token.length() >= 4) {
			t = t.replace(token, "***");
		}
		return t;
	}

	@Override
	public GeocodeResult forward(LocationMention mention) {
		if (mention == null || mention.kind() == null) {
			return GeocodeResult.none("no place was named");
		}
		City city = city();
		if (mention.town() != null && !mention.town().isBlank() && !city.isThisCity(mention.town())) {
			return this.fallback.forward(mention);
		}
		if (mention.kind() == LocationKind.POLE) {
			return this.fallback.forward(mention);
		}
		if (mention.kind() == LocationKind.LANDMARK) {
			GeocodeResult own = this.fallback.forward(mention);
			if (own.confidence() != Confidence.NONE || own.reason() != null && own.reason().contains("outside")) {
				return own;
			}
		}
		String query = query(mention, city);
		if (query == null) {
			return this.fallback.forward(mention);
		}
		GeocodeResult cached = this.cache.get(query);
		if (cached != null) {
			return cached;
		}
		try {
			MapboxGeocoding request = builder(query).build();
			request.setCallFactory(this.http);
			Response<GeocodingResponse> response = request.executeCall();
			if (!response.isSuccessful() || response.body() == null) {
				return fallBack(mention, httpNote(response.code()));
			}
			GeocodeResult result = toResult(response.body(), mention.kind(), city);
			if (result.confidence() == Confidence.NONE) {
				GeocodeResult own = this.fallback.forward(mention);
				if (own.confidence() != Confidence.NONE) {
					return own.withNote("mapbox: no match inside " + city.name() + "; gazetteer used");
				}
			}
			this.cache.put(query, result);
			return result;
		}
		catch (IOException | RuntimeException ex) {
			return fallBack(mention, "mapbox: " + describe(ex));
		}
	}

	/**
	 * An exception as text for logs and notes: its class and message, without URLs (they
	 * hold the resident's words) and without the token.
	 */
	private String describe(Exception ex) {
		String message = String.valueOf(ex.getMessage()).replaceAll("https?://\\S+", "<url>");
		return ex.getClass().getSimpleName() + " " + mask(message, this.settings.accessToken());
	}

	private static String httpNote(int code) {
		String why = HTTP_REASONS.getOrDefault(code, (code >= 500) ? "server error" : "request failed");
		return "mapbox: HTTP " + code + " " + why;
	}

	private GeocodeResult fallBack(LocationMention mention, String note) {
		log.warn("geocoding fell back to the gazetteer ({})", note);
		return this.fallback.forward(mention).withNote(note + "; gazetteer used");
	}

	private MapboxGeocoding.Builder builder(String query) {
		Settings s = this.settings;
		MapboxGeocoding.Builder b = MapboxGeocoding.builder()
			.accessToken(s.accessToken())
			.query(query)
			.mode(s.permanent() ? GeocodingCriteria.MODE_PLACES_PERMANENT : GeocodingCriteria.MODE_PLACES)
			.baseUrl(s.baseUrl())
			.limit(s.limit())
			.autocomplete(false);
		if (!s.country().isEmpty()) {
			b.country(s.country());
		}
		if (!s.types().isEmpty()) {
			b.geocodingTypes(s.types().toArray(new String[0]));
		}
		if (!s.language().isEmpty()) {
			b.languages(s.language());
		}
		double[] bbox = (s.bbox() != null) ? s.bbox() : city().boundary().bbox();
		b.bbox(bbox[0], bbox[1], bbox[2], bbox[3]);
		GeoPoint p = (s.proximity() != null) ? s.proximity() : city().boundary().center();
		b.proximity(Point.fromLngLat(p.lon(), p.lat()));
		return b;
	}

	/**
	 * The text sent to Mapbox, with the city appended; {@code null} when nothing to ask.
	 */
	private static String query(LocationMention m, City city) {
		String where = city.name() + (city.region().isEmpty() ? "" : ", " + city.region());
		String q = switch (m.kind()) {
			case ADDRESS -> (m.number() != null && m.street() != null) ? m.number() + " " + m.street() : null;
			case INTERSECTION ->
				(m.street() != null && m.crossStreet() != null) ? m.street() + " and " + m.crossStreet() : null;
			case LANDMARK -> (m.landmark() != null) ? m.landmark() : m.text();
			case POLE -> null;
		};
		if (q == null || q.isBlank()) {
			return null;
		}
		q = q.replaceAll("[;#?/\\\\]", " ").strip();
		return q.isEmpty() ? null : q + ", " + where;
	}

	private GeocodeResult toResult(GeocodingResponse body, LocationKind kind, City city) {
		List<Candidate> candidates = new ArrayList<>();
		boolean outside = false;
		boolean precise = false;
		List<CarmenFeature> features = (body.features() != null) ? body.features() : List.of();
		for (CarmenFeature f : features) {
			Point c = f.center();
			if (c == null) {
				continue;
			}
			GeoPoint point = new GeoPoint(c.latitude(), c.longitude());
			if (!city.contains(point, GazetteerGeocoder.FEATURE_TOLERANCE_METERS)) {
				outside = true;
				continue;
			}
			double relevance = (f.relevance() != null) ? f.relevance() : 0.5;
			String accuracy = accuracy(f);
			List<String> types = (f.placeType() != null) ? f.placeType() : List.of();
			boolean isPoint = types.contains("poi") || types.contains("address") && !"street".equals(accuracy);
			if (candidates.isEmpty()) {
				precise = isPoint && relevance >= 0.9;
			}
			candidates.add(new Candidate(point, addressString(f), kind, Math.round(relevance * 1000) / 1000.0,
					"mapbox" + (accuracy.isEmpty() ? "" : ":" + accuracy)));
		}
		if (candidates.isEmpty()) {
			return GeocodeResult.none(outside ? city.outsideReason() : "I could not find that place in " + city.name());
		}
		if (precise) {
			return new GeocodeResult(Confidence.CERTAIN, List.copyOf(candidates), null, null);
		}
		return new GeocodeResult(Confidence.PLAUSIBLE, List.copyOf(candidates),
				"did you mean " + candidates.get(0).addressString() + "?", null);
	}

	private static String accuracy(CarmenFeature f) {
		JsonObject p = f.properties();
		if (p != null && p.has("accuracy") && p.get("accuracy").isJsonPrimitive()) {
			return p.get("accuracy").getAsString();
		}
		return "";
	}

	private static String addressString(CarmenFeature f) {
		String text = (f.text() != null) ? f.text() : "";
		if (f.address() != null && !f.address().isBlank()) {
			return f.address() + " " + text;
		}
		String name = (f.placeName() != null) ? f.placeName() : text;
		int comma = name.indexOf(',');
		return (comma > 0) ? name.substring(0, comma) : name;
	}

	@Override
	public ReverseResult reverse(GeoPoint point) {
		PointCheck check = city().check(point);
		if (!check.accepted()) {
			return new ReverseResult(false, null, 0, check.reason());
		}
		try {
			MapboxGeocoding request = MapboxGeocoding.builder()
				.accessToken(this.settings.accessToken())
				.query(Point.fromLngLat(point.lon(), point.lat()))
				.baseUrl(this.settings.baseUrl())
				.mode(this.settings.permanent() ? GeocodingCriteria.MODE_PLACES_PERMANENT
						: GeocodingCriteria.MODE_PLACES)
				.geocodingTypes(GeocodingCriteria.TYPE_ADDRESS)
				.limit(1)
				.build();
			request.setCallFactory(this.http);
			Response<GeocodingResponse> response = request.executeCall();
			if (response.isSuccessful() && response.body() != null && response.body().features() != null
					&& !response.body().features().isEmpty()) {
				CarmenFeature f = response.body().features().get(0);
				Point c = f.center();
				double d = (c != null) ? point.distanceMeters(new GeoPoint(c.latitude(), c.longitude())) : 0;
				return new ReverseResult(true, addressString(f), d, null);
			}
			if (!response.isSuccessful()) {
				log.warn("reverse geocoding fell back to the gazetteer ({})", httpNote(response.code()));
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("reverse geocoding fell back to the gazetteer (mapbox: {})", ex.getClass().getSimpleName());
		}
		return this.fallback.reverse(point);
	}

	/**
	 * Mapbox settings.
	 *
	 * @param accessToken the access token (from the environment; never logged)
	 * @param baseUrl the API base URL, ending with "/" (default
	 * {@code https://api.mapbox.com/}; a loopback stub in tests)
	 * @param country ISO 3166 alpha-2 filter ("us"); empty for none
	 * @param types Mapbox place types to ask for (default address, poi)
	 * @param limit how many results (1–10, default 5)
	 * @param language result language ("en"); empty for Mapbox's default
	 * @param proximity bias point, or {@code null} for the city's center
	 * @param bbox {min lon, min lat, max lon, max lat}, or {@code null} for the city's
	 * bounding box
	 * @param cacheSize how many answers to keep (0 disables the cache)
	 * @param cacheTtl how long an answer is kept
	 * @param timeoutMs connect and read timeout in milliseconds
	 * @param permanent whether to use the {@code mapbox.places-permanent} endpoint
	 * (needed to store results under Mapbox's terms)
	 */
	public record Settings(String accessToken, String baseUrl, String country, List<String> types, int limit,
			String language, GeoPoint proximity, double[] bbox, int cacheSize, Duration cacheTtl, int timeoutMs,
			boolean permanent) {

		/** Mapbox's own API. */
		public static final String DEFAULT_BASE_URL = "https://api.mapbox.com/";

		/**
		 * Settings from a normalized map (see {@link Geocoders}).
		 * @param s the settings map
		 * @return the settings
		 * @throws IllegalArgumentException when the token is missing or a value is
		 * invalid
		 */
		public static Settings from(Map<String, String> s) {
			String token = s.getOrDefault("accesstoken", "").strip();
			if (token.isEmpty()) {
				throw new IllegalArgumentException(
						"the mapbox geocoder needs an access token (FRONTDOOR_GEOCODER_MAPBOX_ACCESS_TOKEN)");
			}
			if (!(token.startsWith("pk.") || token.startsWith("sk.") || token.startsWith("tk."))) {
				throw new IllegalArgumentException("the mapbox access token must start with pk., sk. or tk.");
			}
			String baseUrl = s.getOrDefault("baseurl", DEFAULT_BASE_URL).strip();
			if (!baseUrl.endsWith("/")) {
				baseUrl = baseUrl + "/";
			}
			List<String> types = List.of(s.getOrDefault("types", "address,poi").split("\\s*,\\s*"));
			int limit = integer(s, "limit", 5, 1, 10);
			GeoPoint proximity = null;
			if (s.containsKey("proximity")) {
				double[] v = numbers(s.get("proximity"), 2, "proximity");
				proximity = new GeoPoint(v[0], v[1]);
			}
			double[] bbox = s.containsKey("bbox") ? numbers(s.get("bbox"), 4, "bbox") : null;
			return new Settings(token, baseUrl, s.getOrDefault("country", "us").strip().toLowerCase(Locale.ROOT),
					types.stream().filter((t) -> !t.isBlank()).toList(), limit, s.getOrDefault("language", "").strip(),
					proximity, bbox, integer(s, "cachesize", 1000, 0, 1_000_000),
					Duration.ofSeconds(integer(s, "cachettlseconds", 3600, 0, 30 * 86400)),
					integer(s, "timeoutms", 3000, 100, 60_000),
					Boolean.parseBoolean(s.getOrDefault("permanent", "false")));
		}

		private static int integer(Map<String, String> s, String key, int dflt, int min, int max) {
			String v = s.get(key);
			if (v == null || v.isBlank()) {
				return dflt;
			}
			try {
				int i = Integer.parseInt(v.strip());
				if (i < min || i > max) {
					throw new IllegalArgumentException(key + " must be between " + min + " and " + max);
				}
				return i;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
			}
		}

		private static double[] numbers(String v, int count, String key) {
			String[] parts = v.strip().split("\\s*,\\s*");
			if (parts.length != count) {
				throw new IllegalArgumentException(key + " needs " + count + " comma-separated numbers");
			}
			double[] out = new double[count];
			for (int i = 0; i < count; i++) {
				try {
					out[i] = Double.parseDouble(parts[i]);
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException(key + " needs numbers, not '" + parts[i] + "'");
				}
			}
			return out;
		}

		@Override
		public String toString() {
			return "Settings[accessToken=***, baseUrl=" + this.baseUrl + ", country=" + this.country + ", types="
					+ this.types + ", limit=" + this.limit + "]";
		}

	}

	/** A bounded least-recently-used cache of answers, each kept for a time to live. */
	static final class Cache {

		private final int capacity;

		private final long ttlNanos;

		private final LinkedHashMap<String, Object[]> map;

		Cache(int capacity, Duration ttl) {
			this.capacity = capacity;
			this.ttlNanos = ttl.toNanos();
			this.map = new LinkedHashMap<>(16, 0.75f, true) {

				private static final long serialVersionUID = 1L;

				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Object[]> eldest) {
					return size() > Cache.this.capacity;
				}

			};
		}

		synchronized GeocodeResult get(String key) {
			if (this.capacity == 0) {
				return null;
			}
			Object[] e = this.map.get(key.toLowerCase(Locale.ROOT));
			if (e == null) {
				return null;
			}
			if (System.nanoTime() - (long) e[1] > this.ttlNanos) {
				this.map.remove(key.toLowerCase(Locale.ROOT));
				return null;
			}
			return (GeocodeResult) e[0];
		}

		synchronized void put(String key, GeocodeResult value) {
			if (this.capacity > 0) {
				this.map.put(key.toLowerCase(Locale.ROOT), new Object[] { value, System.nanoTime() });
			}
		}

		synchronized int size() {
			return this.map.size();
		}

	}

	/**
	 * How many answers the cache holds (for tests and metrics).
	 * @return the size
	 */
	int cacheSize() {
		return this.cache.size();
	}

}
