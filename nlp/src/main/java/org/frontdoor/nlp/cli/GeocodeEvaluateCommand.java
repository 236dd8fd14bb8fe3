package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.frontdoor.nlp.geo.CityDataException;
import org.frontdoor.nlp.geo.GazetteerIndex;
import org.frontdoor.nlp.geo.GeoPoint;
import org.frontdoor.nlp.geo.GeocodeEvaluation;
import org.frontdoor.nlp.geo.Geocoder;
import org.frontdoor.nlp.geo.Geocoders;
import org.frontdoor.nlp.location.LocationExtractor;
import org.frontdoor.nlp.location.LocationKind;
import org.frontdoor.nlp.location.PlaceNames;

/**
 * {@code geocode-evaluate [--in labeled.jsonl] [--geocoder gazetteer|mapbox|none]
 * [--index file] [--names city|none] [--json] [--errors]}: scores location mentions
 * (recall, precision) and points within tolerance on the team's labeled JSONL
 * ({@code expected_location}, {@code expected_point}; {@code expected_point: null} means
 * no point may be accepted).
 */
final class GeocodeEvaluateCommand implements Command {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@Override
	public String name() {
		return "geocode-evaluate";
	}

	@Override
	public String usage() {
		return "geocode-evaluate [--in labeled.jsonl] [--geocoder gazetteer|mapbox|none] [--index index.gaz.gz] "
				+ "[--names city|none] [--json] [--errors] < labeled.jsonl";
	}

	@Override
	public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
		CliArgs args = new CliArgs(argv, Set.of("--in", "--geocoder", "--index", "--names"),
				Set.of("--json", "--errors"));
		String provider = (args.get("--geocoder") != null) ? args.get("--geocoder") : "gazetteer";
		Map<String, String> settings = new HashMap<>();
		System.getenv().forEach((k, v) -> {
			if (k.startsWith("FRONTDOOR_GEOCODER") || k.startsWith("FRONTDOOR_CITY") || k.startsWith("MAPBOX_")) {
				settings.put(k, v);
			}
		});
		if (args.get("--index") != null) {
			settings.put("index", args.get("--index"));
		}
		Geocoder geocoder = null;
		LocationExtractor extractor;
		try {
			if (!"none".equals(provider)) {
				geocoder = Geocoders.create(provider, settings);
			}
			PlaceNames names;
			if ("none".equals(args.get("--names"))) {
				names = PlaceNames.none();
			}
			else if (args.get("--index") != null) {
				names = GazetteerIndex.load(Path.of(args.get("--index"))).placeNames();
			}
			else {
				names = PlaceNames.builtIn();
			}
			extractor = LocationExtractor.withNames(names);
		}
		catch (IllegalArgumentException | CityDataException ex) {
			err.println("geocode-evaluate: " + ex.getMessage());
			return 1;
		}
		GeocodeEvaluation evaluation = new GeocodeEvaluation(extractor, geocoder);
		int lineNo = 0;
		int bad = 0;
		try (Reader reader = (args.get("--in") != null)
				? Files.newBufferedReader(Path.of(args.get("--in")), StandardCharsets.UTF_8)
				: new InputStreamReader(in, StandardCharsets.UTF_8)) {
			LineReader lines = new LineReader(reader);
			String line;
			while ((line = lines.next()) != null) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				try {
					evaluation.add(labeled(JSON.readTree(line)));
				}
				catch (RuntimeException ex) {
					bad++;
					err.println("line " + lineNo + ": skipped (" + ex.getMessage() + ")");
				}
			}
		}
		catch (IOException ex) {
			err.println("geocode-evaluate: cannot read input: " + ex.getMessage());
			return 1;
		}
		if (args.flag("--json")) {
			out.println(JSON.writeValueAsString(evaluation.summary()));
		}
		else {
			out.print(evaluation.report(args.flag("--errors")));
		}
		if (bad > 0) {
			err.println(bad + " line(s) skipped");
		}
		return 0;
	}

	/** One labeled line (analyze input plus expected_location and expected_point). */
	static GeocodeEvaluation.Labeled labeled(JsonNode n) {
		if (n == null || !n.isObject()) {
			throw new IllegalArgumentException("not a JSON object");
		}
		String text = n.path("text").asString("");
		String id = n.path("id").asString("");
		JsonNode exp = n.path("expected_location");
		LocationKind kind = null;
		List<String> spans = new ArrayList<>();
		if (exp.isObject()) {
			kind = LocationKind.valueOf(exp.path("kind").asString("").toUpperCase(Locale.ROOT));
			spans.add(exp.path("text").asString(""));
			for (JsonNode alt : n.path("expected_location_alternatives")) {
				spans.add(alt.path("text").asString(""));
			}
		}
		boolean pointLabeled = n.has("expected_point");
		GeoPoint point = null;
		JsonNode p = n.path("expected_point");
		if (p.isObject()) {
			if (!p.path("lat").isNumber() || !p.path("lon").isNumber()) {
				throw new IllegalArgumentException("expected_point needs numeric lat and lon");
			}
			point = new GeoPoint(p.path("lat").asDouble(), p.path("lon").asDouble());
		}
		return new GeocodeEvaluation.Labeled(id, text, kind, spans, pointLabeled, point);
	}

}
