package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontdoor.nlp.Analyzer;
import org.frontdoor.nlp.classify.Catalog;
import org.frontdoor.nlp.classify.CatalogReader;
import tools.jackson.databind.JsonNode;

/**
 * {@code evaluate --services <services.json|xml> [--catalogs catalogs.json] [--json]
 * < labeled.jsonl}: scores a labeled file (analyze input plus {@code service_code} and
 * optional {@code expected_location}). A line may name its own catalog with
 * {@code "catalog": key} into {@code --catalogs} (an object key → service list), as the
 * multi-city set does.
 */
final class EvaluateCommand implements Command {

	@Override
	public String name() {
		return "evaluate";
	}

	@Override
	public String usage() {
		return "evaluate --services <services.json|xml> [--catalogs catalogs.json] [--examples past.csv] "
				+ "[--in labeled.jsonl] [--json] [--errors] < labeled.jsonl";
	}

	@Override
	public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
		CliArgs args = new CliArgs(argv, Set.of("--services", "--catalogs", "--examples", "--in"),
				Set.of("--json", "--errors"));
		if (args.get("--services") == null && args.get("--catalogs") == null) {
			throw new CliArgs.UsageException("--services or --catalogs is required");
		}
		Analyzer base = null;
		if (args.get("--services") != null) {
			base = AnalyzeCommand.build(args, err);
			if (base == null) {
				return 1;
			}
		}
		Map<String, Catalog> catalogs = new HashMap<>();
		if (args.get("--catalogs") != null) {
			try {
				JsonNode all = InputLine.JSON.readTree(Files.readString(Path.of(args.get("--catalogs"))));
				for (Map.Entry<String, JsonNode> e : all.properties()) {
					CatalogReader.Result r = new CatalogReader()
						.parse(e.getValue().toString().getBytes(StandardCharsets.UTF_8));
					if (r.ok()) {
						catalogs.put(e.getKey(), r.catalog());
					}
					else {
						err.println("catalog " + e.getKey() + ": " + r.error());
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				err.println("cannot read --catalogs: " + ex.getMessage());
				return 1;
			}
		}
		Map<String, Analyzer> analyzers = new HashMap<>();
		Evaluation eval = new Evaluation();
		try (InputStream input = (args.get("--in") != null) ? Files.newInputStream(Path.of(args.get("--in"))) : in) {
			LineReader lines = new LineReader(new InputStreamReader(input, StandardCharsets.UTF_8));
			String line;
			while ((line = lines.next()) != null) {
				if (line.isBlank()) {
					continue;
				}
				InputLine il = InputLine.parse(line);
				if (il.error() != null) {
					eval.error();
					continue;
				}
				Analyzer analyzer = base;
				JsonNode key = il.node().get("catalog");
				if (key != null && key.isString() && catalogs.containsKey(key.stringValue())) {
					analyzer = analyzers.computeIfAbsent(key.stringValue(),
							(k) -> Analyzer.builder(catalogs.get(k)).build());
				}
				if (analyzer == null) {
					eval.error();
					continue;
				}
				var analysis = analyzer.analyze(il.request());
				eval.add(il.node(), analysis, il.request().text(), analyzer.catalog().services());
				if (args.flag("--errors")) {
					String gold = il.node().path("service_code").asString("");
					String got = analysis.classification().top().map((r) -> r.service().code()).orElse("(none)");
					if (!gold.isEmpty() && !gold.equals(got)) {
						err.println("WRONG " + gold + " <- " + got + " [" + analysis.classification().decision() + "] "
								+ il.request().text().replace('\n', ' ') + " :: "
								+ analysis.classification()
									.ranked()
									.stream()
									.limit(3)
									.map((r) -> r.service().code() + "=" + r.score())
									.toList());
					}
				}
			}
		}
		catch (IOException ex) {
			err.println("evaluate: cannot read input: " + ex.getMessage());
			return 1;
		}
		out.print(args.flag("--json") ? eval.toJson().toPrettyString() + "\n" : eval.toText());
		return 0;
	}

}
