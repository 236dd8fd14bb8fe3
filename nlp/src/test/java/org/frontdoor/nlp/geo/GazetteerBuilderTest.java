package org.frontdoor.nlp.geo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.frontdoor.nlp.geo.GeocodeResult.Confidence;
import org.frontdoor.nlp.location.LocationExtractor;
import org.frontdoor.nlp.location.LocationMention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Builds an index from small copies of the city's raw GIS files (see fixture/SOURCES.md),
 * geocodes with it, writes and reads it back, and refuses malformed files with a message
 * that names them.
 */
class GazetteerBuilderTest {

	private static Path fixture;

	private static GazetteerBuilder.Result built;

	@BeforeAll
	static void build() throws URISyntaxException {
		fixture = Path.of(GazetteerBuilderTest.class.getResource("fixture/city.json").toURI()).getParent();
		built = GazetteerBuilder.build(fixture.resolve("city.json"), null);
	}

	@Test
	void readsEveryLayer() {
		assertThat(built.index().counts()).containsEntry("poles", 40)
			.containsEntry("boundaryPolygons", 1)
			.hasEntrySatisfying("streets", (n) -> assertThat(n).isGreaterThan(20))
			.hasEntrySatisfying("intersections", (n) -> assertThat(n).isGreaterThan(40))
			.hasEntrySatisfying("landmarks", (n) -> assertThat(n).isGreaterThanOrEqualTo(15));
		assertThat(built.index().city().name()).isEqualTo("Cambridge");
		assertThat(built.index().source()).contains("PDDL");
		assertThat(built.warnings()).anySatisfy((w) -> assertThat(w).contains("unknown target 'Not A Place'"));
	}

	/** text, lat, lon (the fixture's own points), tolerance. */
	static Stream<Arguments> places() {
		return Stream.of(Arguments.of("pothole at mass ave and prospect", 42.365574, -71.103991, 60.0),
				Arguments.of("prospect st & bishop allen dr", 42.366343, -71.10316, 60.0),
				Arguments.of("graffiti at 45 pearl st", 42.363905, -71.10393, 120.0),
				Arguments.of("trash outside the port library", 42.363905, -71.10393, 250.0),
				Arguments.of("needles all over central square", 42.365574, -71.103991, 250.0),
				Arguments.of("light out on pole 338-36", 42.367624, -71.099973, 30.0),
				Arguments.of("broken bench in sennott park", 42.36767, -71.09974, 250.0));
	}

	@ParameterizedTest
	@MethodSource("places")
	void geocodesWithTheBuiltIndex(String text, double lat, double lon, double tolerance) {
		Geocoder geocoder = new GazetteerGeocoder(built.index(), null);
		LocationMention mention = LocationExtractor.withNames(built.index().placeNames()).extract(text).orElseThrow();
		GeocodeResult r = geocoder.forward(mention);
		assertThat(r.confidence()).as(text).isEqualTo(Confidence.CERTAIN);
		assertThat(r.best().point().distanceMeters(new GeoPoint(lat, lon))).as(text).isLessThan(tolerance);
	}

	@Test
	void writesAndReadsBackTheSameIndex() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		built.index().write(out);
		GazetteerIndex back = GazetteerIndex.read(new ByteArrayInputStream(out.toByteArray()));
		assertThat(back.counts()).isEqualTo(built.index().counts());
		Geocoder a = new GazetteerGeocoder(built.index(), null);
		Geocoder b = new GazetteerGeocoder(back, null);
		LocationMention m = LocationMention.address("806", "massachusetts ave");
		assertThat(b.forward(m).best().point().distanceMeters(a.forward(m).best().point())).isLessThan(0.5);
		ByteArrayOutputStream again = new ByteArrayOutputStream();
		back.write(again);
		assertThat(gunzip(again.toByteArray())).isEqualTo(gunzip(out.toByteArray()));
	}

	private static String gunzip(byte[] gz) throws IOException {
		try (InputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void derivesIntersectionsFromCenterlinesWhenTheCityHasNoIntersectionLayer(@TempDir Path dir) throws IOException {
		copyFixture(dir);
		String manifest = Files.readString(dir.resolve("city.json"))
			.replace("\"intersections\": { \"file\": \"TRANS_Intersections.geojson\" },", "");
		Files.writeString(dir.resolve("city.json"), manifest);
		GazetteerIndex index = GazetteerBuilder.build(dir.resolve("city.json"), null).index();
		GeocodeResult r = new GazetteerGeocoder(index, null)
			.forward(LocationMention.intersection("massachusetts ave", "prospect st"));
		assertThat(r.best().point().distanceMeters(new GeoPoint(42.365574, -71.103991))).isLessThan(60);
	}

	@Test
	void skipsBadFeaturesAndSaysSo(@TempDir Path dir) throws IOException {
		copyFixture(dir);
		String poles = Files.readString(dir.resolve("INFRA_StreetLights.geojson"));
		poles = poles.replace("\"features\":[", "\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
				+ "\"coordinates\":[\"x\",1]},\"properties\":{\"PoleID\":\"1-1\"}},");
		Files.writeString(dir.resolve("INFRA_StreetLights.geojson"), poles);
		GazetteerBuilder.Result r = GazetteerBuilder.build(dir.resolve("city.json"), null);
		assertThat(r.index().counts()).containsEntry("poles", 40);
		assertThat(r.warnings()).anySatisfy((w) -> assertThat(w).contains("INFRA_StreetLights.geojson")
			.contains("skipped 1 feature")
			.contains("[longitude, latitude]"));
	}

	/** file to break, its new content, what the message must say. */
	static Stream<Arguments> brokenFiles() {
		return Stream.of(Arguments.of("TRANS_Centerlines.geojson", "{ not json", "TRANS_Centerlines.geojson"),
				Arguments.of("TRANS_Centerlines.geojson", "[1,2,3]", "not a GeoJSON object"),
				Arguments.of("TRANS_Centerlines.geojson", "{\"type\":\"Polygon\"}", "not a GeoJSON FeatureCollection"),
				Arguments.of("BOUNDARY_CityBoundary.geojson", "{\"type\":\"Point\",\"coordinates\":[1,2]}",
						"unsupported boundary geometry type 'Point'"),
				Arguments.of("BOUNDARY_CityBoundary.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1]]]}",
						"4 positions"),
				Arguments.of("city.json", "{\"city\":{}}", "city.name"),
				Arguments.of("INFRA_StreetLights.geojson", null, "missing file"));
	}

	@ParameterizedTest
	@MethodSource("brokenFiles")
	void refusesMalformedCityFilesNamingThem(String file, String content, String message, @TempDir Path dir)
			throws IOException {
		copyFixture(dir);
		if (content == null) {
			Files.delete(dir.resolve(file));
		}
		else {
			Files.writeString(dir.resolve(file), content);
		}
		assertThatThrownBy(() -> GazetteerBuilder.build(dir.resolve("city.json"), null))
			.isInstanceOf(CityDataException.class)
			.hasMessageContaining(message);
	}

	/** a broken index, what the message must say. */
	static Stream<Arguments> brokenIndexes() {
		return Stream.of(Arguments.of("hello\n", "not a FrontDoor gazetteer index"),
				Arguments.of("frontdoor-gazetteer\t1\ncity\tX\tMA\tus\n", "boundary"),
				Arguments.of("frontdoor-gazetteer\t1\ncity\tX\tMA\tus\nstreet\t5\tElm St\t\n", "line 3"),
				Arguments.of("frontdoor-gazetteer\t1\nsegment\t0\t1\t2\t3\t4\t5\t6\t0,0 1,1\n", "unknown street"),
				Arguments.of("frontdoor-gazetteer\t1\n", "names no city"));
	}

	@ParameterizedTest
	@MethodSource("brokenIndexes")
	void refusesMalformedIndexes(String text, String message) {
		assertThatThrownBy(() -> GazetteerIndex.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(CityDataException.class)
			.hasMessageContaining(message);
	}

	@Test
	void aBoundaryFileReplacesTheIndexBoundary(@TempDir Path dir) throws IOException {
		Path boundary = dir.resolve("tiny.geojson");
		Files.writeString(boundary, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
				+ "[[[-71.11,42.36],[-71.10,42.36],[-71.10,42.37],[-71.11,42.37],[-71.11,42.36]]]}}");
		Geocoder g = Geocoders.create("gazetteer", java.util.Map.of("frontdoor.city.boundary", boundary.toString()));
		assertThat(g.city().check(new GeoPoint(42.365, -71.105)).accepted()).isTrue();
		assertThat(g.city().check(new GeoPoint(42.39, -71.12)).accepted()).isFalse();
		assertThat(g.forward(LocationMention.intersection("mass ave", "walden st")).confidence())
			.isEqualTo(Confidence.NONE);
	}

	private static void copyFixture(Path dir) throws IOException {
		for (String f : List.of("city.json", "aliases.csv", "BOUNDARY_CityBoundary.geojson",
				"TRANS_Centerlines.geojson", "TRANS_Intersections.geojson", "LANDMARK_PublicLibraries.geojson",
				"LANDMARK_MunicipalBuildings.geojson", "TRANS_SubwayStations.geojson", "RECREATION_OpenSpace.geojson",
				"INFRA_StreetLights.geojson")) {
			Files.copy(fixture.resolve(f), dir.resolve(f));
		}
	}

}
