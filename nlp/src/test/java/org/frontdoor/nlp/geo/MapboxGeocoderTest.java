package org.frontdoor.nlp.geo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.frontdoor.nlp.geo.GeocodeResult.Confidence;
import org.frontdoor.nlp.location.LocationMention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Mapbox geocoder against a loopback WireMock serving Mapbox v5 responses (see
 * mapbox/SOURCES.md): bias parameters, results outside the city dropped, caching,
 * fallback to the gazetteer on 401/429/network errors with the reason recorded, and the
 * access token never in the logs.
 */
class MapboxGeocoderTest {

	private static final String TOKEN = "pk.eyJ1IjoiZnJvbnRkb29yLXRlc3QiLCJhIjoidGVzdHRva2VuIn0.c2VjcmV0LXNpZ25hdHVyZQ";

	private static final String FORWARD = "/geocoding/v5/mapbox\\.places/.*\\.json";

	private static WireMockServer server;

	@BeforeAll
	static void start() {
		server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
	}

	private static Geocoder mapbox(Map<String, String> extra) {
		Map<String, String> settings = new HashMap<>();
		settings.put("FRONTDOOR_GEOCODER_MAPBOX_ACCESS_TOKEN", TOKEN);
		settings.put("frontdoor.geocoder.mapbox.base-url", "http://localhost:" + server.port());
		settings.putAll(extra);
		return Geocoders.create("mapbox", settings);
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = MapboxGeocoderTest.class.getResourceAsStream("mapbox/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void answer(int status, String file) throws IOException {
		server.stubFor(get(urlPathMatching(FORWARD)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Rate-Limit-Limit", "600")
			.withHeader("X-Rate-Limit-Interval", "60")
			.withBody(fixture(file))));
	}

	@Test
	void geocodesBiasedToTheCityAndDropsPlacesOutsideIt() throws IOException {
		answer(200, "forward-795-massachusetts-ave.json");
		GeocodeResult r = mapbox(Map.of()).forward(LocationMention.address("795", "mass ave"));
		assertThat(r.confidence()).isEqualTo(Confidence.CERTAIN);
		assertThat(r.candidates()).hasSize(1);
		assertThat(r.best().addressString()).isEqualTo("795 Massachusetts Avenue");
		assertThat(r.best().method()).isEqualTo("mapbox:rooftop");
		assertThat(r.best().point().distanceMeters(new GeoPoint(42.367115, -71.105701))).isLessThan(20);
		assertThat(r.note()).isNull();
		server.verify(1,
				getRequestedFor(urlPathMatching("/geocoding/v5/mapbox\\.places/795%20mass%20ave.*\\.json"))
					.withQueryParam("access_token", equalTo(TOKEN))
					.withQueryParam("country", equalTo("us"))
					.withQueryParam("types", equalTo("address,poi"))
					.withQueryParam("limit", equalTo("5"))
					.withQueryParam("bbox", matching("-71\\.16[0-9]*,42\\.35[0-9]*,-71\\.06[0-9]*,42\\.40[0-9]*"))
					.withQueryParam("proximity", matching("-71\\.1[0-9]*,42\\.3[0-9]*")));
	}

	@Test
	void cachesAnswers() throws IOException {
		answer(200, "forward-795-massachusetts-ave.json");
		Geocoder g = mapbox(Map.of());
		GeocodeResult first = g.forward(LocationMention.address("795", "mass ave"));
		GeocodeResult second = g.forward(LocationMention.address("795", "Mass Ave"));
		assertThat(second).isEqualTo(first);
		server.verify(1, getRequestedFor(urlPathMatching(FORWARD)));
	}

	@Test
	void theCacheIsBounded() throws IOException {
		answer(200, "forward-795-massachusetts-ave.json");
		MapboxGeocoder g = (MapboxGeocoder) mapbox(Map.of("cache-size", "2"));
		for (String n : new String[] { "795", "796", "797", "798" }) {
			g.forward(LocationMention.address(n, "mass ave"));
		}
		assertThat(g.cacheSize()).isEqualTo(2);
		g.forward(LocationMention.address("795", "mass ave"));
		server.verify(5, getRequestedFor(urlPathMatching(FORWARD)));
	}

	@Test
	void aStreetLevelAnswerIsOnlyPlausible() throws IOException {
		answer(200, "forward-intersection-street-only.json");
		GeocodeResult r = mapbox(Map.of()).forward(LocationMention.intersection("elm st", "prospect st"));
		assertThat(r.confidence()).isEqualTo(Confidence.PLAUSIBLE);
		assertThat(r.reason()).contains("Elm Street");
	}

	@Test
	void anInvalidTokenFallsBackToTheGazetteerWithTheReasonAndAMaskedLog() throws IOException {
		answer(401, "error-401.json");
		String log = captureErr(() -> mapbox(Map.of()).forward(LocationMention.address("795", "mass ave")), (r) -> {
			assertThat(r.confidence()).isEqualTo(Confidence.CERTAIN);
			assertThat(r.best().method()).isEqualTo("interpolated");
			assertThat(r.note()).contains("HTTP 401").contains("gazetteer used");
		});
		assertThat(log).contains("HTTP 401").doesNotContain(TOKEN).doesNotContain("c2VjcmV0");
	}

	@Test
	void rateLimitsFallBackToTheGazetteer() throws IOException {
		answer(429, "error-429.json");
		GeocodeResult r = mapbox(Map.of()).forward(LocationMention.intersection("mass ave", "prospect st"));
		assertThat(r.confidence()).isEqualTo(Confidence.CERTAIN);
		assertThat(r.best().method()).isEqualTo("intersection");
		assertThat(r.note()).isEqualTo("mapbox: HTTP 429 rate limited; gazetteer used");
	}

	@Test
	void fallbacksAreNotCached() throws IOException {
		answer(429, "error-429.json");
		Geocoder g = mapbox(Map.of());
		g.forward(LocationMention.address("795", "mass ave"));
		answer(200, "forward-795-massachusetts-ave.json");
		assertThat(g.forward(LocationMention.address("795", "mass ave")).best().method()).isEqualTo("mapbox:rooftop");
	}

	@Test
	void networkFailuresFallBackWithoutLeakingTheToken() throws IOException {
		int closedPort;
		try (ServerSocket s = new ServerSocket(0)) {
			closedPort = s.getLocalPort();
		}
		Geocoder g = mapbox(Map.of("base-url", "http://localhost:" + closedPort + "/", "timeout-ms", "500"));
		String log = captureErr(() -> g.forward(LocationMention.address("795", "mass ave")), (r) -> {
			assertThat(r.confidence()).isEqualTo(Confidence.CERTAIN);
			assertThat(r.note()).startsWith("mapbox: ").contains("gazetteer used").doesNotContain(TOKEN);
		});
		assertThat(log).contains("fell back").doesNotContain(TOKEN);
	}

	@Test
	void debugLogsShowTheUrlWithTheTokenMasked() throws IOException {
		answer(200, "forward-795-massachusetts-ave.json");
		String log = captureErr(() -> mapbox(Map.of()).forward(LocationMention.address("795", "mass ave")),
				(r) -> assertThat(r.confidence()).isEqualTo(Confidence.CERTAIN));
		assertThat(log).contains("mapbox GET").contains("access_token=***").contains("-> 200").doesNotContain(TOKEN);
	}

	@Test
	void polesTheCitysOwnLandmarksAndOtherTownsNeverCallMapbox() throws IOException {
		answer(200, "forward-795-massachusetts-ave.json");
		Geocoder g = mapbox(Map.of());
		assertThat(g.forward(LocationMention.pole("791-2")).best().method()).isEqualTo("pole");
		assertThat(g.forward(LocationMention.landmark("the common")).best().method()).isEqualTo("landmark");
		assertThat(g.forward(LocationMention.address("795", "mass ave").withTown("Somerville")).confidence())
			.isEqualTo(Confidence.NONE);
		server.verify(0, getRequestedFor(urlPathMatching(FORWARD)));
	}

	@Test
	void reverseUsesMapboxInsideTheCityOnly() throws IOException {
		server.stubFor(get(urlPathMatching("/geocoding/v5/mapbox\\.places/-71\\.10.*,42\\.36.*\\.json"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(fixture("reverse-city-hall.json"))));
		Geocoder g = mapbox(Map.of());
		ReverseResult inside = g.reverse(new GeoPoint(42.367115, -71.105701));
		assertThat(inside.insideCity()).isTrue();
		assertThat(inside.addressString()).isEqualTo("795 Massachusetts Avenue");
		ReverseResult nullIsland = g.reverse(new GeoPoint(0, 0));
		assertThat(nullIsland.insideCity()).isFalse();
		assertThat(nullIsland.reason()).contains("0,0");
		server.verify(1, getRequestedFor(urlPathMatching("/geocoding/v5/.*")));
	}

	@Test
	void refusesMissingOrMalformedSettings() {
		assertThatThrownBy(() -> Geocoders.create("mapbox", Map.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("FRONTDOOR_GEOCODER_MAPBOX_ACCESS_TOKEN");
		assertThatThrownBy(() -> Geocoders.create("mapbox", Map.of("access-token", "secret")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("pk.")
			.hasMessageNotContaining("secret");
		assertThatThrownBy(() -> Geocoders.create("mapbox", Map.of("access-token", TOKEN, "limit", "50")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("limit");
		assertThatThrownBy(() -> Geocoders.create("google", Map.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("gazetteer, mapbox");
		assertThat(MapboxGeocoder.Settings.from(Geocoders.normalize(Map.of("MAPBOX_ACCESS_TOKEN", TOKEN))).toString())
			.doesNotContain(TOKEN);
	}

	@Test
	void readsSettingsInEverySpelling() {
		assertThat(Geocoders.normalize(Map.of("FRONTDOOR_GEOCODER_MAPBOX_ACCESSTOKEN", "a",
				"frontdoor.geocoder.mapbox.base-url", "b", "cacheSize", "c", "FRONTDOOR_CITY_BOUNDARY", "d",
				"MAPBOX_ACCESS_TOKEN", "ignored: the frontdoor spelling wins")))
			.containsEntry("accesstoken", "a")
			.containsEntry("baseurl", "b")
			.containsEntry("cachesize", "c")
			.containsEntry("boundary", "d");
	}

	@Test
	void masksTokensInAnyText() {
		assertThat(MapboxGeocoder.mask("https://api.mapbox.com/x.json?access_token=pk.abc&limit=5", null))
			.isEqualTo("https://api.mapbox.com/x.json?access_token=***&limit=5");
		assertThat(MapboxGeocoder.mask("failed for pk.abcdef", "pk.abcdef")).isEqualTo("failed for ***");
	}

	/**
	 * Runs an action with System.err captured (slf4j-simple writes there) and checks its
	 * result.
	 */
	private static String captureErr(Supplier<GeocodeResult> action, java.util.function.Consumer<GeocodeResult> check) {
		PrintStream original = System.err;
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
		GeocodeResult result;
		try {
			result = action.get();
		}
		finally {
			System.setErr(original);
		}
		check.accept(result);
		return buffer.toString(StandardCharsets.UTF_8);
	}

}
