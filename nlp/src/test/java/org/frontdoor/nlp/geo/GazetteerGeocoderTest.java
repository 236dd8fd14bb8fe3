package org.frontdoor.nlp.geo;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.frontdoor.nlp.geo.GeocodeResult.Confidence;
import org.frontdoor.nlp.location.LocationExtractor;
import org.frontdoor.nlp.location.LocationKind;
import org.frontdoor.nlp.location.LocationMention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The built-in Cambridge gazetteer: resident text → mention → point, checked against the
 * city's own GIS points (building points for addresses, intersection nodes, landmarks,
 * poles) within the evaluation tolerances; and the bad inputs that must come back as a
 * clear result.
 */
class GazetteerGeocoderTest {

	private static final Geocoder GEOCODER = Geocoders.create("gazetteer", Map.of());

	private static final LocationExtractor EXTRACTOR = LocationExtractor.standard();

	/** text, expected lat, lon (from the city's layers), tolerance in metres. */
	static Stream<Arguments> places() {
		return Stream.of(
				// addresses: the building's point in the landmark layers
				Arguments.of("streetlight out in front of 795 mass ave", 42.367115, -71.105701, 120),
				Arguments.of("car blocking the hydrant at 449 broadway", 42.374153, -71.110818, 120),
				Arguments.of("sidewalk heaved 45 pearl st", 42.363905, -71.10393, 120),
				Arguments.of("rats everywhere at 48 6th st", 42.370395, -71.084829, 120),
				Arguments.of("grafiti en la pared del 1311 de la calle cambridge", 42.373725, -71.099361, 120),
				Arguments.of("crosswalk faded in front of 1585 massachusets ave", 42.37927, -71.119512, 120),
				Arguments.of("bike lane blocked 79 jfk st", 42.371337, -71.12153, 120),
				// intersections: the node(s) of the two streets, either order, typos,
				// Spanish
				Arguments.of("big pot hole cor of mass ave & prospect", 42.365583, -71.103992, 60),
				Arguments.of("prospect st and massachusetts avenue", 42.365583, -71.103992, 60),
				Arguments.of("la luz no funciona en la esquina de belmont y mt auburn", 42.374606, -71.149917, 60),
				Arguments.of("8th and otis, hydrant leaking", 42.371133, -71.086287, 60),
				Arguments.of("streetlight out windsr st & harvard st", 42.366196, -71.095765, 60),
				Arguments.of("hampshire and cambridge st", 42.373780, -71.101102, 60),
				Arguments.of("pothole on mass ave between walden st and stone ct", 42.388795, -71.121262, 60),
				// landmarks by name and alias
				Arguments.of("broken bench on the common", 42.376782, -71.120894, 250),
				Arguments.of("bike rack broken outside the main library", 42.374153, -71.110818, 250),
				Arguments.of("needles by central sq station", 42.365389, -71.103563, 250),
				Arguments.of("basura en el parque danehy", 42.388896, -71.136342, 250),
				Arguments.of("rats near the tobin school", 42.384302, -71.140134, 250),
				// poles
				Arguments.of("streetlight out on pole 791-2", 42.399611, -71.138749, 30),
				Arguments.of("streetlight 60-M27 is dark", 42.370350, -71.070563, 30));
	}

	@ParameterizedTest
	@MethodSource("places")
	void placesResidentTextWithinTolerance(String text, double lat, double lon, double tolerance) {
		LocationMention mention = EXTRACTOR.extract(text).orElseThrow();
		GeocodeResult result = GEOCODER.forward(mention);
		assertThat(result.confidence()).as(text).isEqualTo(Confidence.CERTAIN);
		assertThat(result.best().point().distanceMeters(new GeoPoint(lat, lon))).as(text).isLessThan(tolerance);
		assertThat(result.best().addressString()).as(text).isNotBlank();
	}

	/** mention, expected confidence, a word the reason must contain (or null). */
	static Stream<Arguments> unclear() {
		return Stream.of(Arguments.of(LocationMention.address("12", "xyzzy st"), Confidence.NONE, "xyzzy"),
				Arguments.of(LocationMention.address("9999", "mass ave"), Confidence.NONE, "numbers run"),
				Arguments.of(LocationMention.address("2610", "mass ave"), Confidence.PLAUSIBLE, "2600"),
				Arguments.of(LocationMention.address("12", "norfolk"), Confidence.PLAUSIBLE, "did you mean"),
				Arguments.of(LocationMention.address("100", "broadway").withTown("Somerville"), Confidence.NONE,
						"Somerville, outside Cambridge"),
				Arguments.of(LocationMention.intersection("brattle st", "mt auburn st"), Confidence.PLAUSIBLE,
						"2 places"),
				Arguments.of(LocationMention.intersection("tremont st", "boylston st"), Confidence.NONE,
						"do not seem to meet"),
				Arguments.of(LocationMention.intersection("elm st", "elm st"), Confidence.NONE, null),
				Arguments.of(LocationMention.intersection("chester st", "orchard st"), Confidence.PLAUSIBLE,
						"Cambridge line"),
				Arguments.of(LocationMention.landmark("buckingham school"), Confidence.PLAUSIBLE, "which one"),
				Arguments.of(LocationMention.landmark("davis station"), Confidence.NONE, "outside Cambridge"),
				Arguments.of(LocationMention.landmark("fresh pond"), Confidence.PLAUSIBLE, "large"),
				Arguments.of(LocationMention.landmark("fenway park"), Confidence.NONE, "fenway park"),
				Arguments.of(LocationMention.pole("99999-99"), Confidence.NONE, "99999-99"),
				Arguments.of(
						new LocationMention(LocationKind.ADDRESS, "", 0, 0, null, null, null, null, null, null, null),
						Confidence.NONE, null),
				Arguments.of(new LocationMention(LocationKind.INTERSECTION, "x", 0, 1, null, "elm st", null, null, null,
						null, null), Confidence.NONE, null),
				Arguments.of(
						new LocationMention(LocationKind.LANDMARK, "", 0, 0, null, null, null, "", null, null, null),
						Confidence.NONE, null),
				Arguments.of(null, Confidence.NONE, null));
	}

	@ParameterizedTest
	@MethodSource("unclear")
	void answersUnclearPlacesWithAClearResult(LocationMention mention, Confidence expected, String reasonPart) {
		GeocodeResult result = GEOCODER.forward(mention);
		assertThat(result.confidence()).as(String.valueOf(mention)).isEqualTo(expected);
		if (expected == Confidence.NONE) {
			assertThat(result.candidates()).isEmpty();
		}
		else {
			assertThat(result.candidates()).isNotEmpty()
				.allSatisfy((c) -> assertThat(GEOCODER.city().contains(c.point(), 150)).isTrue());
		}
		assertThat(result.reason()).isNotBlank();
		if (reasonPart != null) {
			assertThat(result.reason()).containsIgnoringCase(reasonPart);
		}
	}

	@Test
	void aStreetInsideAndOutsideTheCityIsNotPlacedInsideWhenAnotherTownIsNamed() {
		LocationMention inSomerville = EXTRACTOR.extract("pothole at 344 broadway in somerville").orElseThrow();
		assertThat(GEOCODER.forward(inSomerville).confidence()).isEqualTo(Confidence.NONE);
		LocationMention inCambridge = EXTRACTOR.extract("pothole at 344 broadway in cambridge").orElseThrow();
		assertThat(GEOCODER.forward(inCambridge).confidence()).isEqualTo(Confidence.CERTAIN);
	}

	@Test
	void intersectionsWithSeveralNodesGiveEveryCorner() {
		GeocodeResult r = GEOCODER.forward(LocationMention.intersection("mt auburn st", "brattle st"));
		assertThat(r.candidates()).hasSize(2);
		assertThat(r.candidates().get(0).point().distanceMeters(r.candidates().get(1).point())).isGreaterThan(1000);
	}

	@Test
	void interpolationPutsOddAndEvenNumbersOnOppositeSides() {
		GeoPoint odd = GEOCODER.forward(LocationMention.address("795", "massachusetts ave")).best().point();
		GeoPoint even = GEOCODER.forward(LocationMention.address("794", "massachusetts ave")).best().point();
		assertThat(odd.distanceMeters(even)).isBetween(10.0, 60.0);
	}

	@Test
	void reverseGivesTheNearestAddressInsideTheCity() {
		ReverseResult r = GEOCODER.reverse(new GeoPoint(42.373853, -71.110996));
		assertThat(r.insideCity()).isTrue();
		assertThat(r.addressString()).containsIgnoringCase("Broadway");
		assertThat(r.distanceMeters()).isLessThan(100);
		assertThat(r.reason()).isNull();
		ReverseResult corner = GEOCODER.reverse(new GeoPoint(42.365583, -71.103992));
		assertThat(corner.addressString()).contains("&").contains("Massachusetts Ave");
	}

	/** point, inside?, reason part. */
	static Stream<Arguments> refusedPoints() {
		return Stream.of(Arguments.of(0.0, 0.0, "0,0"), Arguments.of(-71.105701, 42.367115, "wrong way round"),
				Arguments.of(42.367115, 71.105701, "minus sign"), Arguments.of(42.3601, -71.0589, "outside Cambridge"),
				Arguments.of(Double.NaN, -71.1, "not a valid"), Arguments.of(95.0, -71.1, "not a valid"));
	}

	@ParameterizedTest
	@MethodSource("refusedPoints")
	void reverseRefusesPointsItCannotUse(double lat, double lon, String reason) {
		ReverseResult r = GEOCODER.reverse(new GeoPoint(lat, lon));
		assertThat(r.insideCity()).isFalse();
		assertThat(r.addressString()).isNull();
		assertThat(r.reason()).contains(reason);
	}

	@Test
	void reverseOfNullIsRefused() {
		assertThatCode(() -> GEOCODER.reverse(null)).doesNotThrowAnyException();
		assertThat(GEOCODER.reverse(null).insideCity()).isFalse();
	}

}
