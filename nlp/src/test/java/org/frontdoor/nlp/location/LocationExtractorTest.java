package org.frontdoor.nlp.location;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Phrasings (English and Spanish, SMS style) × the structured mention the extractor must
 * return, with the built-in Cambridge names and with no names at all (any city).
 */
class LocationExtractorTest {

	private static final LocationExtractor CAMBRIDGE = LocationExtractor.standard();

	private static final LocationExtractor ANY_CITY = LocationExtractor.withNames(PlaceNames.none());

	/** text, kind, number, street, cross street, landmark, pole, qualifier, town. */
	static Stream<Arguments> cambridge() {
		return Stream.of(
				row("pothole in front of 45 Elm St", "ADDRESS", "45", "Elm St", null, null, null, "in front of", null),
				row("outside 1200 Mass Ave", "ADDRESS", "1200", "Mass Ave", null, null, null, "outside", null),
				row("car blocking hydrant 449 broadway", "ADDRESS", "449", "broadway", null, null, null, null, null),
				row("homeless camp trash across from 770 mass ave", "ADDRESS", "770", "mass ave", null, null, null,
						"across from", null),
				row("rats at #71 pearl", "ADDRESS", "71", "pearl", null, null, null, null, null),
				row("pothole at 100 broadway in somerville", "ADDRESS", "100", "broadway", null, null, null, null,
						"somerville"),
				row("big pot hole cor of mass ave & prospect, almost lost a tire", "INTERSECTION", null, "mass ave",
						"prospect", null, null, "corner", null),
				row("streetlight out at the corner of florence st and pleasant st", "INTERSECTION", null, "florence st",
						"pleasant st", null, null, "corner", null),
				row("pothole chilton & vassal", "INTERSECTION", null, "chilton", "vassal", null, null, null, null),
				row("walk signal broken mass ave at walden st", "INTERSECTION", null, "mass ave", "walden st", null,
						null, null, null),
				row("graffiti on the utility box blanche st/green st", "INTERSECTION", null, "blanche st", "green st",
						null, null, null, null),
				row("water pooling where chester st meets orchard st", "INTERSECTION", null, "chester st", "orchard st",
						null, null, null, null),
				row("jefferson and warren st pot hole", "INTERSECTION", null, "jefferson", "warren st", null, null,
						null, null),
				row("8th and otis, hydrant leaking", "INTERSECTION", null, "8th", "otis", null, null, null, null),
				row("graffiti at sparks st x huron ave", "INTERSECTION", null, "sparks st", "huron ave", null, null,
						null, null),
				row("broken bench on the common near the playground", "LANDMARK", null, null, null, "the common", null,
						null, null),
				row("bike rack broken outside the main library", "LANDMARK", null, null, null, "the main library", null,
						"outside", null),
				row("needles by the entrance of central sq station", "LANDMARK", null, null, null, "central sq station",
						null, null, null),
				row("trash all over by kendall/mit station", "LANDMARK", null, null, null, "kendall/mit station", null,
						"by", null),
				row("swing broken at the playground in sennot park", "LANDMARK", null, null, null, "sennot park", null,
						null, null),
				row("streetlight out on pole 791-2", "POLE", null, null, null, null, "791-2", null, null),
				row("light pole # 493-6 is out", "POLE", null, null, null, null, "493-6", null, null),
				row("streetlight 60-M27 is dark", "POLE", null, null, null, null, "60-M27", null, null),
				// Spanish
				row("la luz de la calle no funciona en la esquina de belmont y mt auburn", "INTERSECTION", null,
						"belmont", "mt auburn", null, null, "corner", null),
				row("hay un bache enorme frente al 795 de la avenida massachusetts", "ADDRESS", "795",
						"avenida massachusetts", null, null, null, "in front of", null),
				row("basura tirada en la calle windsor 119", "ADDRESS", "119", "calle windsor", null, null, null, null,
						null),
				row("semaforo roto en cambridge st y columbia st", "INTERSECTION", null, "cambridge st", "columbia st",
						null, null, null, null),
				row("hay vidrios rotos cerca de la biblioteca principal", "LANDMARK", null, null, null,
						"biblioteca principal", null, "near", null),
				row("basura en el parque danehy", "LANDMARK", null, null, null, "parque danehy", null, null, null),
				row("poste 724-17 sin luz", "POLE", null, null, null, null, "724-17", null, null),
				row("bache grande en la esquina de la calle huron y sparks", "INTERSECTION", null, "calle huron",
						"sparks", null, null, "corner", null));
	}

	/** Real-world phrasings from other cities, without any gazetteer names. */
	static Stream<Arguments> anyCity() {
		return Stream.of(
				row("Dead deer on the shoulder at 11th Ave and Neah Dr Fox Island.", "INTERSECTION", null, "11th Ave",
						"Neah Dr", null, null, null, null),
				row("street sign is knocked down on corner of Cleveland and Nebraska", "INTERSECTION", null,
						"Cleveland", "Nebraska", null, null, "corner", null),
				row("Low branches on Lisch @ Indianola", "INTERSECTION", null, "Lisch", "Indianola", null, null, null,
						null),
				row("Water line break on Brownlee Ave between Irma and Youngstown Poland Rd", "INTERSECTION", null,
						"Brownlee Ave", "Irma", null, null, "between", null),
				row("Citizen reported the garbage was not picked up at 28 Juanita Drive.", "ADDRESS", "28",
						"Juanita Drive", null, null, null, null, null),
				row("Please let citizen know they need to purchase a can to get service 400 66th St S, Birmingham, "
						+ "Alabama, 35212", "ADDRESS", "400", "66th St S", null, null, null, null, "Birmingham"),
				row("Dead racoon on fence line 5420 Glenwood (someone moved it off street)", "ADDRESS", "5420",
						"Glenwood", null, null, null, null, null),
				row("This graffiti is on Lamb just S of Sahara", "INTERSECTION", null, "Lamb", "Sahara", null, null,
						null, null),
				row("Wasp nest underneath slide at Denver Park playground", "LANDMARK", null, null, null, "Denver Park",
						null, null, null));
	}

	/**
	 * Positions given relative to a second street (a distance along the first, a turn
	 * from one into the other), a place's name after its kind, and house numbers with a
	 * letter or a range, without any gazetteer names.
	 */
	static Stream<Arguments> positions() {
		return Stream.of(
				// a distance, with or without a direction, from a second street
				row("Pothole on Main St 100 feet north of Elm Street", "INTERSECTION", null, "Main St", "Elm Street",
						null, null, null, null),
				row("pothole on main st about 200 ft south of oak ave", "INTERSECTION", null, "main st", "oak ave",
						null, null, null, null),
				row("Light out on Main St, 50 yards east of Oak Ave tonight", "INTERSECTION", null, "Main St",
						"Oak Ave", null, null, null, null),
				row("pothole on Lake Rd 1.5 miles past Pine Rd", "INTERSECTION", null, "Lake Rd", "Pine Rd", null, null,
						null, null),
				row("tree down on Lake Rd a couple of blocks west of the Pine Rd intersection", "INTERSECTION", null,
						"Lake Rd", "Pine Rd", null, null, null, null),
				row("el poste esta en la avenida Central a dos cuadras de la calle Oak", "INTERSECTION", null,
						"avenida Central", "calle Oak", null, null, null, null),
				// a direction from "the X intersection" / "the intersection with X"
				row("Streetlight out on Main St just south of the Oak Rd intersection", "INTERSECTION", null, "Main St",
						"Oak Rd", null, null, null, null),
				row("sign down on Maple Ave south of the intersection with 5th St", "INTERSECTION", null, "Maple Ave",
						"5th St", null, null, null, null),
				row("bache en Main St al norte de Oak Ave", "INTERSECTION", null, "Main St", "Oak Ave", null, null,
						null, null),
				// a turn from one street into another
				row("Coming out of the circle on Bolz to turn west on Longmeadow the arrow stays flashing",
						"INTERSECTION", null, "Bolz", "Longmeadow", null, null, null, null),
				row("turning left from Elm St onto Pine Ave the arrow never comes on", "INTERSECTION", null, "Elm St",
						"Pine Ave", null, null, null, null),
				row("saliendo de la calle Main para doblar a la izquierda en la avenida Central", "INTERSECTION", null,
						"calle Main", "avenida Central", null, null, null, null),
				row("no green arrow turning left from 42 north onto marketplace Blvd", "INTERSECTION", null, "Route 42",
						"marketplace Blvd", null, null, null, null),
				// a place's name after its kind, a possessive inside a name
				row("The beach in front of this hotel Ocean Manor is littered", "LANDMARK", null, null, null,
						"Ocean Manor", null, null, null),
				row("Graffiti on the wall of the restaurant El Farolito", "LANDMARK", null, null, null, "El Farolito",
						null, null, null),
				row("Trash dumped behind Joe's Pizza again", "LANDMARK", null, null, null, "Joe's Pizza", null,
						"behind", null),
				// a house number with a letter suffix, a range of numbers
				row("Car parked at 45-A Elm Street for weeks", "ADDRESS", "45a", "Elm Street", null, null, null, null,
						null),
				row("trash at 2102-2104 Main St", "ADDRESS", "2102", "Main St", null, null, null, null, null),
				row("bache frente al 12-B de la calle Oak", "ADDRESS", "12b", "calle Oak", null, null, null,
						"in front of", null));
	}

	private static Arguments row(String text, String kind, String number, String street, String cross, String landmark,
			String pole, String qualifier, String town) {
		return Arguments.of(text, kind, number, street, cross, landmark, pole, qualifier, town);
	}

	@ParameterizedTest
	@MethodSource("cambridge")
	void extractsWithCambridgeNames(String text, String kind, String number, String street, String cross,
			String landmark, String pole, String qualifier, String town) {
		assertMention(CAMBRIDGE.extract(text), text, kind, number, street, cross, landmark, pole, qualifier, town);
	}

	@ParameterizedTest
	@MethodSource({ "anyCity", "positions" })
	void extractsWithoutAGazetteer(String text, String kind, String number, String street, String cross,
			String landmark, String pole, String qualifier, String town) {
		assertMention(ANY_CITY.extract(text), text, kind, number, street, cross, landmark, pole, qualifier, town);
	}

	private static void assertMention(Optional<LocationMention> found, String text, String kind, String number,
			String street, String cross, String landmark, String pole, String qualifier, String town) {
		assertThat(found).as(text).isPresent();
		LocationMention m = found.get();
		assertThat(m.kind().name()).as(text).isEqualTo(kind);
		assertThat(m.number()).as("number of " + text).isEqualTo(number);
		assertThat(m.street()).as("street of " + text).isEqualTo(street);
		assertThat(m.crossStreet()).as("cross street of " + text).isEqualTo(cross);
		assertThat(m.landmark()).as("landmark of " + text).isEqualTo(landmark);
		assertThat(m.poleId()).as("pole of " + text).isEqualTo(pole);
		assertThat(m.qualifier()).as("qualifier of " + text).isEqualTo(qualifier);
		assertThat(m.town()).as("town of " + text).isEqualTo(town);
		assertThat(text.substring(m.start(), m.end())).as("span of " + text).isEqualTo(m.text());
	}

	@Test
	void betweenKeepsBothBoundingStreets() {
		LocationMention m = CAMBRIDGE.extract("pothole on mass ave between walden st and stone ct").orElseThrow();
		assertThat(m.kind()).isEqualTo(LocationKind.INTERSECTION);
		assertThat(m.street()).isEqualTo("mass ave");
		assertThat(m.crossStreet()).isEqualTo("walden st");
		assertThat(m.secondCrossStreet()).isEqualTo("stone ct");
		assertThat(m.qualifier()).isEqualTo("between");
	}

	@Test
	void extractAllReturnsEveryPlaceBestFirst() {
		List<LocationMention> all = CAMBRIDGE
			.extractAll("light out on pole 510-63 and there is a pothole at 45 pearl st too");
		assertThat(all).extracting(LocationMention::kind).containsExactly(LocationKind.POLE, LocationKind.ADDRESS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "the streetlight on my street is out again", "4 tires dumped by the curb",
			"it has been there 3 weeks", "call me at 617-555-0123 after 5 pm", "pothole on mass ave",
			"hay un bache muy grande", "thanks!!! 🙏🙏", "trash and debris everywhere", "STOP", "2 bags of leaves" })
	void findsNothingWhereNoPlaceIsNamed(String text) {
		assertThat(CAMBRIDGE.extract(text)).as(text).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "the north side of my house is flooded", "from time to time the light goes out",
			"Walking 100 feet north of Elm St I saw a dead deer", "Pothole about 100 feet north of the stop sign",
			"we are a few feet from the park", "at the Oak Rd intersection there is a pothole",
			"the streetlight does not turn on at night", "please turn on the lights on Main St",
			"from my house turn left onto the highway", "The park Director said it will be fixed",
			"I called the hotel Monday about it", "la luz se apaga de vez en cuando",
			"el lado norte de mi casa se inunda", "Water leak on golf course road at location indicated." })
	void positionWordsAloneNameNoPlace(String text) {
		assertThat(ANY_CITY.extract(text)).as(text).isEmpty();
	}

	@Test
	void nullTextIsNoPlace() {
		assertThat(CAMBRIDGE.extractAll(null)).isEmpty();
	}

	@Test
	void survivesHostileInputQuickly() {
		StringBuilder big = new StringBuilder();
		while (big.length() < 100_000) {
			big.append("corner of elm and and and & / @ 12 12 12 st st ");
		}
		StringBuilder binary = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			binary.append((char) (i * 7919 % 0xD7FF));
		}
		String rtl = "شارع الحرية 45 و مفترق الطرق ‏mass ave‏ 12";
		for (String text : List.of(big.toString(), binary.toString(), rtl)) {
			assertThatCode(() -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CAMBRIDGE.extractAll(text)))
				.doesNotThrowAnyException();
		}
		assertThat(CAMBRIDGE.extract(big.toString())).isPresent();
	}

	@Test
	void aStreetNamedLikeATownIsAStreet() {
		LocationMention m = CAMBRIDGE.extract("tree down on somerville ave at 12").orElse(null);
		assertThat(m == null || m.town() == null).isTrue();
		LocationMention belmont = CAMBRIDGE.extract("corner of belmont and mt auburn").orElseThrow();
		assertThat(belmont.town()).isNull();
		assertThat(belmont.street()).isEqualTo("belmont");
	}

}
