package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontdoor.nlp.Analyzer;
import org.frontdoor.nlp.classify.Catalog;
import org.frontdoor.nlp.classify.CatalogReader;
import org.frontdoor.nlp.classify.CityExamples;
import org.frontdoor.nlp.geo.Geocoder;
import org.frontdoor.nlp.geo.Geocoders;

/**
 * {@code analyze --services <services.json|xml> [--geocoder gazetteer|mapbox]
 * [--examples past.csv] < in.jsonl > out.jsonl}: one output line per input line, same
 * order; a bad line gets {@code {"id","error"}} and the run goes on.
 */
final class AnalyzeCommand implements Command {

	@Override
	public String name() {
		return "analyze";
	}

	@Override
	public String usage() {
		return "analyze --services <services.json|services.xml> [--geocoder gazetteer|mapbox] "
				+ "[--examples past-requests.csv] < in.jsonl > out.jsonl";
	}

	@Override
	public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
		CliArgs args = new CliArgs(argv, Set.of("--services", "--geocoder", "--examples"), Set.of());
		Analyzer analyzer = build(args, err);
		if (analyzer == null) {
			return 1;
		}
		boolean geocoderOn = args.get("--geocoder") != null;
		LineReader lines = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		try {
			String line;
			while ((line = lines.next()) != null) {
				if (line.isBlank()) {
					continue;
				}
				out.println(analyzeLine(analyzer, InputLine.parse(line, lines.tooLongPrefix()), geocoderOn));
			}
		}
		catch (IOException ex) {
			err.println("analyze: cannot read input: " + ex.getMessage());
			return 1;
		}
		return 0;
	}

	static String analyzeLine(Analyzer analyzer, InputLine input, boolean geocoderOn) {
		if (input.error() != null) {
			return AnalysisJson.error(input.id(), input.error()).toString();
		}
		try {
			return AnalysisJson.of(input.id(), analyzer.analyze(input.request()), geocoderOn).toString();
		}
		catch (RuntimeException ex) {
			return AnalysisJson.error(input.id(), "analysis failed: " + ex).toString();
		}
	}

	/**
	 * Builds the analyzer from the command line, or explains why not.
	 * @param args the arguments
	 * @param err where to explain
	 * @return the analyzer, or {@code null}
	 */
	static Analyzer build(CliArgs args, PrintStream err) {
		Catalog catalog = readCatalog(Path.of(args.require("--services")), err);
		if (catalog == null) {
			return null;
		}
		Analyzer.Builder builder = Analyzer.builder(catalog);
		String examples = args.get("--examples");
		if (examples != null) {
			try {
				CityExamples ex = CityExamples.read(Path.of(examples));
				builder.examples(ex);
				err.println("examples: " + ex.size() + " past requests from " + examples);
				ex.problems().forEach((p) -> err.println("examples: " + p));
			}
			catch (IOException | RuntimeException ex) {
				err.println("cannot read examples " + examples + ": " + ex.getMessage());
				return null;
			}
		}
		String provider = args.get("--geocoder");
		if (provider != null) {
			try {
				builder.geocoder(geocoder(provider));
			}
			catch (RuntimeException ex) {
				err.println("cannot start geocoder '" + provider + "': " + ex.getMessage());
				return null;
			}
		}
		return builder.build();
	}

	static Catalog readCatalog(Path path, PrintStream err) {
		CatalogReader.Result result = new CatalogReader().read(path);
		if (!result.ok()) {
			err.println("cannot use services file: " + result.error());
			return null;
		}
		for (String p : result.catalog().problems()) {
			err.println("services: " + p);
		}
		return result.catalog();
	}

	private static Geocoder geocoder(String provider) {
		Map<String, String> settings = new HashMap<>();
		System.getenv().forEach((k, v) -> {
			if (k.startsWith("MAPBOX_") || k.startsWith("FRONTDOOR_GEOCODER")) {
				settings.put(k, v);
			}
		});
		return Geocoders.create(provider, settings);
	}

}
