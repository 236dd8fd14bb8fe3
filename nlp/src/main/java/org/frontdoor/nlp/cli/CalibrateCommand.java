package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontdoor.nlp.classify.Calibration;
import org.frontdoor.nlp.classify.Catalog;
import org.frontdoor.nlp.classify.CatalogReader;
import org.frontdoor.nlp.classify.CityExamples;
import org.frontdoor.nlp.classify.CalibrationFitter;
import org.frontdoor.nlp.classify.ServiceClassifier;
import org.frontdoor.nlp.location.LocationExtractor;
import org.frontdoor.nlp.location.LocationMention;
import tools.jackson.databind.JsonNode;

/**
 * {@code calibrate --eval <eval dir> --out <resource dir> [--precision 0.96]}: fits
 * {@code calibration.properties} on the DEV files only of the evaluation sets
 * ({@code sandbox/}, {@code multicity/}, {@code atlanta/}).
 */
final class CalibrateCommand implements Command {

	@Override
	public String name() {
		return "calibrate";
	}

	@Override
	public String usage() {
		return "calibrate --eval <eval dir> --out <resource dir> [--precision 0.96]   (fits on dev files only)";
	}

	@Override
	public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
		CliArgs args = new CliArgs(argv, Set.of("--eval", "--out", "--precision"), Set.of());
		Path eval = Path.of(args.require("--eval"));
		double precision = Double.parseDouble((args.get("--precision") != null) ? args.get("--precision") : "0.96");
		CalibrationFitter fitter = new CalibrationFitter();
		LocationExtractor locations = LocationExtractor.standard();
		try {
			// Atlanta twice: as an unseen catalog, and with its own past requests
			// (--examples).
			for (String set : List.of("sandbox", "multicity", "atlanta", "atlanta+examples")) {
				boolean withExamples = set.endsWith("+examples");
				Path dir = eval.resolve(set.replace("+examples", ""));
				Map<String, ServiceClassifier> classifiers = new HashMap<>();
				ServiceClassifier single = null;
				if (Files.exists(dir.resolve("services.json"))) {
					Catalog c = catalog(Files.readAllBytes(dir.resolve("services.json")));
					single = withExamples
							? ServiceClassifier.forCatalog(c, CityExamples.read(dir.resolve("past-requests.csv")))
							: ServiceClassifier.forCatalog(c);
				}
				JsonNode catalogs = Files.exists(dir.resolve("catalogs.json"))
						? InputLine.JSON.readTree(Files.readString(dir.resolve("catalogs.json"))) : null;
				for (String line : Files.readAllLines(dir.resolve("dev.jsonl"), StandardCharsets.UTF_8)) {
					InputLine il = InputLine.parse(line);
					if (il.error() != null) {
						continue;
					}
					ServiceClassifier classifier = single;
					String key = il.node().path("catalog").asString("");
					if (catalogs != null && catalogs.has(key)) {
						classifier = classifiers.computeIfAbsent(key, (k) -> ServiceClassifier
							.forCatalog(catalog(catalogs.get(k).toString().getBytes(StandardCharsets.UTF_8))));
					}
					String text = il.request().text();
					LocationMention m = locations.extract(text).orElse(null);
					boolean inText = m != null && m.start() >= 0 && m.end() <= text.length();
					fitter.add(classifier, text, il.request().subject(), inText ? m.start() : -1, inText ? m.end() : -1,
							il.node().path("service_code").asString(""));
				}
			}
			Calibration c = fitter.fit(precision);
			CalibrationFitter.write(c, Path.of(args.require("--out")), "fitted on " + fitter.size()
					+ " dev reports (sandbox, multicity, atlanta), AUTO precision target " + precision);
			out.println("calibrated on " + fitter.size() + " dev reports: " + c);
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			err.println("calibrate: " + ex.getMessage());
			return 1;
		}
	}

	private static Catalog catalog(byte[] bytes) {
		CatalogReader.Result r = new CatalogReader().parse(bytes);
		if (!r.ok()) {
			throw new IllegalArgumentException(r.error());
		}
		return r.catalog();
	}

}
