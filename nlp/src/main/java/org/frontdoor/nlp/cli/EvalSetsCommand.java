package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.frontdoor.nlp.classify.Splits;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code eval-sets --data <shared/data> --out <eval dir>}: writes the labeled evaluation
 * sets (dev and held-out parts only) from the real data: the multi-city reports against
 * each organization's own request types ({@code multicity/}), Atlanta titles against the
 * ATL311 Solution Topics ({@code atlanta/}), and the hand-mapped reports against the
 * sandbox catalog ({@code sandbox/}, from {@code sandbox/mapping.tsv}).
 */
final class EvalSetsCommand implements Command {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	@Override
	public String name() {
		return "eval-sets";
	}

	@Override
	public String usage() {
		return "eval-sets --data <shared/data dir> --out <eval dir>   (rebuilds the labeled evaluation files)";
	}

	@Override
	public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
		CliArgs args = new CliArgs(argv, Set.of("--data", "--out"), Set.of());
		Path data = Path.of(args.require("--data"));
		Path dir = Path.of(args.require("--out"));
		try {
			out.println(multicity(data, dir.resolve("multicity")));
			out.println(atlanta(data, dir.resolve("atlanta")));
			out.println(sandbox(data, dir.resolve("sandbox")));
			return 0;
		}
		catch (IOException ex) {
			err.println("eval-sets: " + ex.getMessage());
			return 1;
		}
	}

	static String slug(String s) {
		String v = RealData.normalized(s).replace(' ', '-');
		return v.isEmpty() ? "x" : (v.length() > 60 ? v.substring(0, 60) : v);
	}

	private static String multicity(Path data, Path dir) throws IOException {
		List<RealData.Report> reports = RealData.multicity(data);
		Map<String, Set<String>> titles = new TreeMap<>();
		for (RealData.Report r : reports) {
			titles.computeIfAbsent(r.catalog(), (k) -> new TreeSet<>()).add(r.label());
		}
		ObjectNode catalogs = NODES.objectNode();
		Map<String, Map<String, String>> codes = new HashMap<>();
		for (Map.Entry<String, Set<String>> e : titles.entrySet()) {
			if (e.getValue().size() < 2) {
				continue;
			}
			String orgSlug = slug(e.getKey());
			ArrayNode services = catalogs.putArray(orgSlug);
			Map<String, String> byTitle = new HashMap<>();
			for (String t : e.getValue()) {
				String code = slug(t);
				while (byTitle.containsValue(code)) {
					code = code + "-2";
				}
				byTitle.put(t, code);
				ObjectNode s = services.addObject();
				s.put("service_code", code);
				s.put("service_name", t);
			}
			codes.put(e.getKey(), byTitle);
		}
		Map<Splits.Part, List<ObjectNode>> parts = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (RealData.Report r : reports) {
			Map<String, String> byTitle = codes.get(r.catalog());
			if (byTitle == null || r.part() == Splits.Part.TRAIN
					|| !seen.add(r.catalog() + "|" + RealData.normalized(r.text()))) {
				continue;
			}
			ObjectNode line = NODES.objectNode();
			line.put("id", "scf-" + r.id());
			line.put("text", RealData.scrub(r.text()));
			line.put("catalog", slug(r.catalog()));
			line.put("service_code", byTitle.get(r.label()));
			parts.computeIfAbsent(r.part(), (k) -> new ArrayList<>()).add(line);
		}
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("catalogs.json"), catalogs.toPrettyString() + "\n", StandardCharsets.UTF_8);
		return write(dir, parts, "multicity (" + catalogs.size() + " organization catalogs)");
	}

	private static String atlanta(Path data, Path dir) throws IOException {
		List<RealData.Report> reports = RealData.atlantaLabeled(data);
		Map<String, String> codes = new TreeMap<>();
		for (RealData.Report r : reports) {
			codes.put(r.label(), slug(r.label()));
		}
		ArrayNode services = NODES.arrayNode();
		codes.forEach((title, code) -> {
			ObjectNode s = services.addObject();
			s.put("service_code", code);
			s.put("service_name", title);
		});
		Map<Splits.Part, List<ObjectNode>> parts = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		StringBuilder past = new StringBuilder("text,service_code\n");
		for (RealData.Report r : reports) {
			if (r.part() == Splits.Part.TRAIN) {
				// Atlanta's own past requests, for the city-examples demonstration.
				past.append('"')
					.append(RealData.scrub(r.text()).replace("\"", "\"\""))
					.append("\",")
					.append(codes.get(r.label()))
					.append('\n');
				continue;
			}
			if (!seen.add(RealData.normalized(r.text()) + "|" + r.label())) {
				continue;
			}
			ObjectNode line = NODES.objectNode();
			line.put("id", "atl-" + r.id());
			line.put("text", RealData.scrub(r.text()));
			line.put("service_code", codes.get(r.label()));
			parts.computeIfAbsent(r.part(), (k) -> new ArrayList<>()).add(line);
		}
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("services.json"), services.toPrettyString() + "\n", StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("past-requests.csv"), past.toString(), StandardCharsets.UTF_8);
		return write(dir, parts, "atlanta (" + services.size() + " Solution Topics; train part as past-requests.csv)");
	}

	private static String sandbox(Path data, Path dir) throws IOException {
		Path mapping = dir.resolve("mapping.tsv");
		if (!Files.exists(mapping)) {
			return "sandbox: no " + mapping + ", skipped";
		}
		Map<String, String> texts = new HashMap<>();
		for (RealData.Report r : RealData.multicity(data)) {
			texts.put("multicity:" + r.id(), r.text());
		}
		RealData.atlantaSummaries(data).forEach((id, s) -> texts.put("atlanta:" + id, s));
		RealData.fixMyStreet(data).forEach((id, s) -> texts.put("fixmystreet:" + id, s));
		Map<Splits.Part, List<ObjectNode>> parts = new LinkedHashMap<>();
		for (String row : Files.readAllLines(mapping, StandardCharsets.UTF_8)) {
			if (row.isBlank() || row.startsWith("#")) {
				continue;
			}
			String[] c = row.split("\t");
			String key = c[0] + ":" + c[1];
			String text = texts.get(key);
			if (text == null) {
				throw new IOException("mapping.tsv names " + key + ", which is not in the data");
			}
			ObjectNode line = NODES.objectNode();
			line.put("id", c[0].substring(0, 3) + "-" + c[1]);
			line.put("text", RealData.scrub(text));
			line.put("service_code", c[2]);
			Splits.Part part = (Splits.bucketOf("sandbox:" + key) < 50) ? Splits.Part.DEV : Splits.Part.HELDOUT;
			parts.computeIfAbsent(part, (k) -> new ArrayList<>()).add(line);
		}
		return write(dir, parts, "sandbox (hand-mapped)");
	}

	private static String write(Path dir, Map<Splits.Part, List<ObjectNode>> parts, String what) throws IOException {
		Files.createDirectories(dir);
		StringBuilder summary = new StringBuilder(what);
		for (Splits.Part p : List.of(Splits.Part.DEV, Splits.Part.HELDOUT)) {
			List<ObjectNode> lines = parts.getOrDefault(p, List.of());
			String name = p.name().toLowerCase(Locale.ROOT) + ".jsonl";
			try (Writer w = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
				for (ObjectNode l : lines) {
					w.write(l.toString());
					w.write('\n');
				}
			}
			summary.append(": ").append(name).append(' ').append(lines.size());
		}
		return summary.toString();
	}

}
