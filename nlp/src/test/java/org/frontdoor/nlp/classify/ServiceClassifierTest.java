package org.frontdoor.nlp.classify;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classifier behavior on real catalogs with real residents' texts (from the dev split of
 * the evaluation data and the Bloomington sample requests).
 */
class ServiceClassifierTest {

	static ServiceClassifier sandbox;

	static ServiceClassifier bloomington;

	static ServiceClassifier chicago;

	@BeforeAll
	static void load() throws IOException {
		sandbox = classifier("sandbox-services.json");
		bloomington = classifier("bloomington-sample-services.json");
		chicago = classifier("chicago-service_codes.json");
	}

	static ServiceClassifier classifier(String file) throws IOException {
		return ServiceClassifier.forCatalog(new CatalogReader().parse(CatalogReaderTest.resource(file)).catalog());
	}

	static String top(ServiceClassifier c, String text) {
		return c.classify(text).top().map((r) -> r.service().name()).orElse("(none)");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					big pot hole cor of mass ave & prospect, almost lost a tire       | Pothole
					Pothole around storm drain                                        | Pothole
					Giant pothole                                                      | Pothole
					Several pot holes from In Shape Fitness to McDonalds. Please fix ALL of these pot holes. | Pothole
					The street lights on this street are not turning on  Making the street really dark at night | Streetlight Out
					Street light 293868 is on during the day.                          | Streetlight Out
					streetlite out in front of 45 elm                                  | Streetlight Out
					Traffic light doesn't change for AGES                              | Traffic Signal Problem
					Pedestrian crossing signal broken                                  | Traffic Signal Problem
					Bent street sign                                                   | Damaged or Missing Sign
					street sign is knocked down on corner of Cleveland and Nebraska    | Damaged or Missing Sign
					Graffiti on light post on Southcenter Blvd and 61st                | Graffiti
					grafitti on the wall                                               | Graffiti
					Mattress and furniture illegally dumped behind barrier             | Illegal Dumping
					Dumped tire on Queen Mill Road                                     | Illegal Dumping
					Broken glass on South side of Adams Rd                             | Litter / Debris
					BLACK CART WAS MISSED                                              | Missed Trash/Recycling/Compost Pickup
					Missed recycle pickup.                                             | Missed Trash/Recycling/Compost Pickup
					Trash can is full, please empty. Thank you.                        | Overflowing Public Trash/Recycling Receptacle
					Dead raccoon in center of roadway  Thank you for taking care of our city | Roadkill / Dead Animal
					Tree down on Winchester Road                                       | Tree Maintenance
					Hanging branch blocking turn lane                                  | Tree Maintenance
					Storm drain clogged                                                | Clogged Storm Drain / Catch Basin
					Neighbor reports that every time it rains that the street gets flooded. currently flooded. | Clogged Storm Drain / Catch Basin
					Vehicle abandoned in front of Berntsen parked -   flat tires and expired tabs | Abandoned Vehicle
					Parked blocking my driveway                                        | Parking Violation
					Loud music played most weekend nights and some weekday nights.     | Noise Complaint
					Very cracked sidewalk                                              | Sidewalk Repair
					Swing has a broken chain                                           | Park Equipment Repair
					hay un bache enorme en la calle                                    | Pothole
					la luz de la calle no funciona en la esquina de belmont y mt auburn | Streetlight Out
					basura tirada                                                      | Illegal Dumping
					hay grafiti en la pared                                            | Graffiti
					un perro muerto en la calle                                        | Roadkill / Dead Animal
					ratas en el callejón                                               | Rodent Sighting
					""")
	void sandboxCatalog(String text, String expected) {
		assertThat(top(sandbox, text)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					Graffiti on mailboxes                                           | Graffiti
					Grass is very high, over 12".                                   | Weeds
					overgrown grass                                                 | Weeds
					There were potholes at the entrance to Madison Park Homeowners' Assoc and the city took care of those, but there is a large rut | Potholes, Other Street Repair
					Corner of Patterson and W. 3rd St. long wait for traffic light to change for Patterson traffic even at 6:15 AM | Traffic Signals
					street light out on 3rd st                                      | Street Lights
					car has been parked for months, no plates                       | Abandoned Vehicle
					the leaves were not picked up                                   | Leaf Collection
					""")
	void bloomingtonCatalog(String text, String expected) {
		assertThat(top(bloomington, text)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			Large pothole in the street, almost lost a tire                 | Pothole in Street Complaint
			Graffiti on the garage door                                     | Graffiti Removal Request
			Dead raccoon in the alley                                       | Dead Animal Pick-Up Request
			rats everywhere near the garbage                                | Rodent Baiting/Rat Complaint
			Abandoned car, no plates, hasn't moved in weeks                 | Abandoned Vehicle Complaint
			open fire hydrant on the corner, water everywhere                | Open Fire Hydrant Complaint
			""")
	void chicagoCatalog(String text, String expected) {
		List<String> top3 = chicago.classify(text).ranked().stream().limit(3).map((r) -> r.service().name()).toList();
		assertThat(top3).contains(expected);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			pothole
			Hi!! there is a HUGE pothole on main st, plz fix 😡😡 thx
			hello, pothole at https://example.com/photo/123 call me at 617-555-0123 thanks!
			POTHOLE!!!!
			pot-hole
			pothhole
			""")
	void noiseDoesNotChangeTheAnswer(String text) {
		Classification c = sandbox.classify(text);
		assertThat(c.top()).get().extracting((r) -> r.service().code()).isEqualTo("pothole");
		assertThat(c.decision()).isEqualTo(Decision.AUTO);
	}

	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			``
			hello
			thanks!
			123 456
			😡😡😡
			مرحبا كيف حالك
			""")
	void nothingToGoOnIsUnknown(String text) {
		Classification c = sandbox.classify(text);
		assertThat(c.decision()).isEqualTo(Decision.UNKNOWN);
		assertThat(c.reason()).isNotBlank();
	}

	@Test
	void confidencesAreProbabilitiesBestFirst() {
		Classification c = sandbox.classify("trash everywhere on the sidewalk");
		assertThat(c.ranked()).isNotEmpty().hasSizeLessThanOrEqualTo(ServiceClassifier.MAX_RANKED);
		double sum = c.ranked().stream().mapToDouble(RankedService::confidence).sum();
		assertThat(sum).isBetween(0.0, 1.0001);
		for (int i = 1; i < c.ranked().size(); i++) {
			assertThat(c.ranked().get(i).score()).isLessThanOrEqualTo(c.ranked().get(i - 1).score());
			assertThat(c.ranked().get(i).confidence()).isLessThanOrEqualTo(c.ranked().get(i - 1).confidence());
		}
	}

	@Test
	void runnersUpNeverOutrankAWeakTop() {
		Classification c = sandbox.classify("qzx blorp needle-ish pothle");
		for (int i = 1; i < c.ranked().size(); i++) {
			assertThat(c.ranked().get(i).confidence()).isLessThanOrEqualTo(c.ranked().get(0).confidence());
		}
	}

	@Test
	void whatNoServiceCoversGoesToTheCatchAll() {
		Catalog catalog = Catalog.of(List.of(CatalogService.of("p", "Potholes"), CatalogService.of("g", "Graffiti"),
				CatalogService.of("o", "Other")));
		Classification c = ServiceClassifier.forCatalog(catalog).classify("the pool is closed again");
		assertThat(c.decision()).isEqualTo(Decision.UNKNOWN);
		assertThat(c.top()).get().extracting((r) -> r.service().code()).isEqualTo("o");
		assertThat(ServiceClassifier.forCatalog(catalog).classify("hello").ranked()).isEmpty();
	}

	@Test
	void aCloseCallIsAskedNotFiled() {
		Classification c = sandbox.classify("problem on my street");
		assertThat(c.decision()).isNotEqualTo(Decision.AUTO);
	}

	@Test
	void theLocationSpanIsIgnored() {
		String text = "trash can overflowing at Graffiti Alley";
		int at = text.indexOf("Graffiti Alley");
		Classification masked = sandbox.classify(text, null, at, text.length());
		assertThat(masked.top()).get().extracting((r) -> r.service().code()).isEqualTo("trash-overflow");
		assertThat(masked.ranked()).noneMatch((r) -> r.service().code().equals("graffiti"));
	}

	@Test
	void anEmailSubjectCounts() {
		Classification c = sandbox.classify("see the photo, it has been like this for a week", "Pothole on Elm St", -1,
				-1);
		assertThat(c.top()).get().extracting((r) -> r.service().code()).isEqualTo("pothole");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			hay un carro abandonado frente a mi casa desde hace 3 semanas  | abandoned-vehicle
			el semáforo de la esquina no funciona                          | traffic-signal
			alguien tiró un colchón en la banqueta                         | illegal-dumping
			la alcantarilla está tapada y se inunda la calle               | storm-drain
			hay grafiti en la pared del parque                             | graffiti
			el bote de basura está lleno                                   | trash-overflow
			no pasaron a recoger la basura hoy                             | missed-pickup
			una rama grande se cayó del árbol                              | tree
			la señal de alto está caída                                    | sign
			hay ratas en el callejón                                       | rodent
			la acera está rota                                             | sidewalk
			mucho ruido de construcción en la noche                        | noise
			hay jeringas en el parque                                      | needle
			un gato muerto en la calle                                     | dead-animal
			el columpio del parque está roto                               | park
			carro estacionado bloqueando mi entrada                        | parking
			la farola parpadea toda la noche                               | streetlight
			la calle tiene nieve y hielo, nadie ha limpiado la banqueta    | snow
			""")
	void spanishAgainstTheSandboxCatalog(String text, String code) {
		assertThat(sandbox.classify(text).top()).get().extracting((r) -> r.service().code()).isEqualTo(code);
	}

}
