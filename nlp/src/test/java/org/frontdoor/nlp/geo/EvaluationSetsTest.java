package org.frontdoor.nlp.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.frontdoor.nlp.location.LocationExtractor;
import org.frontdoor.nlp.location.LocationKind;
import org.frontdoor.nlp.location.PlaceNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed evaluation sets (eval/location/SOURCES.md) as regression guards: the
 * README's numbers must not silently get worse.
 */
class EvaluationSetsTest {

	private static List<GeocodeEvaluation.Labeled> read(String name) throws IOException {
		List<GeocodeEvaluation.Labeled> out = new ArrayList<>();
		try (InputStream in = EvaluationSetsTest.class.getResourceAsStream("/eval/location/" + name);
				BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			var json = JsonMapper.builder().build();
			for (String line = r.readLine(); line != null; line = r.readLine()) {
				JsonNode n = json.readTree(line);
				JsonNode exp = n.path("expected_location");
				List<String> spans = new ArrayList<>();
				LocationKind kind = null;
				if (exp.isObject()) {
					kind = LocationKind.valueOf(exp.path("kind").asString().toUpperCase(Locale.ROOT));
					spans.add(exp.path("text").asString());
					n.path("expected_location_alternatives").forEach((a) -> spans.add(a.path("text").asString()));
				}
				JsonNode p = n.path("expected_point");
				GeoPoint point = p.isObject() ? new GeoPoint(p.path("lat").asDouble(), p.path("lon").asDouble()) : null;
				out.add(new GeocodeEvaluation.Labeled(n.path("id").asString(), n.path("text").asString(), kind, spans,
						n.has("expected_point"), point));
			}
		}
		return out;
	}

	@Test
	void cambridgeMessagesAreGeocodedWithinToleranceAndNothingOutsideIsAccepted() throws IOException {
		GeocodeEvaluation e = new GeocodeEvaluation(LocationExtractor.standard(),
				Geocoders.create("gazetteer", Map.of()));
		read("cambridge-geocode.jsonl").forEach(e::add);
		Map<String, Object> s = e.summary();
		assertThat((int) s.get("messages")).isEqualTo(222);
		assertThat((double) s.get("point_within_tolerance")).isGreaterThanOrEqualTo(0.95);
		assertThat((int) s.get("outside_accepted")).isZero();
		assertThat((double) s.get("mention_recall")).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void heldOutCambridgeMessages() throws IOException {
		GeocodeEvaluation e = new GeocodeEvaluation(LocationExtractor.standard(),
				Geocoders.create("gazetteer", Map.of()));
		read("cambridge-geocode-heldout.jsonl").forEach(e::add);
		Map<String, Object> s = e.summary();
		assertThat((double) s.get("point_within_tolerance")).isGreaterThanOrEqualTo(0.9);
		assertThat((int) s.get("point_certain_wrong")).isZero();
		assertThat((int) s.get("outside_accepted")).isZero();
	}

	@Test
	void realResidentTextFromOtherCitiesHeldOut() throws IOException {
		GeocodeEvaluation anyCity = new GeocodeEvaluation(LocationExtractor.withNames(PlaceNames.none()), null);
		read("seeclickfix-heldout.jsonl").forEach(anyCity::add);
		assertThat((double) anyCity.summary().get("mention_recall")).isGreaterThanOrEqualTo(0.75);
		assertThat((double) anyCity.summary().get("mention_precision")).isGreaterThanOrEqualTo(0.8);
	}

}
