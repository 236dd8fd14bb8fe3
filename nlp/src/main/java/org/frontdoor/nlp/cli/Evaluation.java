package org.frontdoor.nlp.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.frontdoor.nlp.Analysis;
import org.frontdoor.nlp.classify.CatalogService;
import org.frontdoor.nlp.classify.Decision;
import org.frontdoor.nlp.classify.RankedService;
import org.frontdoor.nlp.location.LocationMention;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scores analyses against labels: top-1 (and top-3) accuracy, macro-F1, precision and
 * coverage of AUTO decisions, location-mention recall and precision (a mention counts
 * when its kind matches and its span overlaps the expected one), and the most frequent
 * confusions.
 */
final class Evaluation {

	int lines;

	int errors;

	int labeled;

	int labelNotInCatalog;

	int top1;

	int top3;

	int auto;

	int autoCorrect;

	int ask;

	int askTop3;

	int unknown;

	int clear;

	int clearTop1;

	int clearAuto;

	int clearAutoCorrect;

	int locationLabeled;

	int locationExpected;

	int locationPredicted;

	int locationHits;

	final Map<String, int[]> perClass = new HashMap<>();

	final Map<String, Integer> confusions = new HashMap<>();

	final Map<String, String> names = new HashMap<>();

	void error() {
		this.lines++;
		this.errors++;
	}

	void add(JsonNode label, Analysis a, String text, List<CatalogService> catalog) {
		this.lines++;
		JsonNode code = label.get("service_code");
		if (code != null && code.isString() && !code.stringValue().isBlank()) {
			scoreService(code.stringValue(), a, catalog);
		}
		if (label.has("expected_location")) {
			scoreLocation(label.get("expected_location"), a.location(), text);
		}
	}

	private void scoreService(String gold, Analysis a, List<CatalogService> catalog) {
		CatalogService goldService = null;
		for (CatalogService s : catalog) {
			if (s.code().equals(gold)) {
				goldService = s;
			}
		}
		if (goldService == null) {
			this.labelNotInCatalog++;
			return;
		}
		this.labeled++;
		boolean isClear = !goldService.isCatchAll();
		if (isClear) {
			this.clear++;
		}
		List<RankedService> ranked = a.classification().ranked();
		String predicted = ranked.isEmpty() ? "(none)" : ranked.get(0).service().code();
		this.names.put(gold, goldService.name());
		if (!ranked.isEmpty()) {
			this.names.put(predicted, ranked.get(0).service().name());
		}
		boolean ok = predicted.equals(gold);
		boolean inTop3 = false;
		for (int k = 0; k < Math.min(3, ranked.size()); k++) {
			inTop3 |= ranked.get(k).service().code().equals(gold);
		}
		if (ok) {
			this.top1++;
			if (isClear) {
				this.clearTop1++;
			}
		}
		else {
			this.confusions.merge(gold + " → " + predicted, 1, Integer::sum);
		}
		if (inTop3) {
			this.top3++;
		}
		Decision d = a.classification().decision();
		if (d == Decision.AUTO) {
			this.auto++;
			this.autoCorrect += ok ? 1 : 0;
			if (isClear) {
				this.clearAuto++;
				this.clearAutoCorrect += ok ? 1 : 0;
			}
		}
		else if (d == Decision.ASK) {
			this.ask++;
			this.askTop3 += inTop3 ? 1 : 0;
		}
		else {
			this.unknown++;
		}
		// per class: [tp, fp, fn]
		if (ok) {
			this.perClass.computeIfAbsent(gold, (k) -> new int[3])[0]++;
		}
		else {
			this.perClass.computeIfAbsent(gold, (k) -> new int[3])[2]++;
			this.perClass.computeIfAbsent(predicted, (k) -> new int[3])[1]++;
		}
	}

	private void scoreLocation(JsonNode expected, LocationMention predicted, String text) {
		this.locationLabeled++;
		if (predicted != null) {
			this.locationPredicted++;
		}
		if (expected == null || expected.isNull() || !expected.isObject()) {
			return;
		}
		this.locationExpected++;
		if (predicted == null) {
			return;
		}
		String kind = expected.path("kind").asString("").toLowerCase(Locale.ROOT);
		String span = expected.path("text").asString("");
		if (!kind.equals(predicted.kind().name().toLowerCase(Locale.ROOT))) {
			return;
		}
		int at = text.toLowerCase(Locale.ROOT).indexOf(span.toLowerCase(Locale.ROOT));
		boolean overlaps;
		if (at >= 0 && predicted.start() >= 0) {
			overlaps = predicted.start() < at + span.length() && predicted.end() > at;
		}
		else {
			String p = predicted.text().toLowerCase(Locale.ROOT);
			String e = span.toLowerCase(Locale.ROOT);
			overlaps = p.contains(e) || e.contains(p);
		}
		if (overlaps) {
			this.locationHits++;
		}
	}

	double macroF1() {
		Set<String> gold = new HashSet<>();
		for (Map.Entry<String, int[]> e : this.perClass.entrySet()) {
			if (e.getValue()[0] + e.getValue()[2] > 0) {
				gold.add(e.getKey());
			}
		}
		if (gold.isEmpty()) {
			return 0;
		}
		double sum = 0;
		for (String g : gold) {
			int[] c = this.perClass.get(g);
			double p = (c[0] + c[1] == 0) ? 0 : c[0] / (double) (c[0] + c[1]);
			double r = c[0] / (double) (c[0] + c[2]);
			sum += (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}
		return sum / gold.size();
	}

	static double ratio(int a, int b) {
		return (b == 0) ? Double.NaN : a / (double) b;
	}

	List<Map.Entry<String, Integer>> worstPairs(int n) {
		List<Map.Entry<String, Integer>> list = new ArrayList<>(this.confusions.entrySet());
		list.sort((x, y) -> (y.getValue().equals(x.getValue())) ? x.getKey().compareTo(y.getKey())
				: y.getValue() - x.getValue());
		return list.subList(0, Math.min(n, list.size()));
	}

	ObjectNode toJson() {
		ObjectNode o = JsonNodeFactory.instance.objectNode();
		o.put("lines", this.lines);
		o.put("errors", this.errors);
		o.put("labeled", this.labeled);
		o.put("label_not_in_catalog", this.labelNotInCatalog);
		o.put("top1", ratio(this.top1, this.labeled));
		o.put("top3", ratio(this.top3, this.labeled));
		o.put("macro_f1", macroF1());
		o.put("clear", this.clear);
		o.put("clear_top1", ratio(this.clearTop1, this.clear));
		o.put("auto", this.auto);
		o.put("auto_precision", ratio(this.autoCorrect, this.auto));
		o.put("auto_coverage", ratio(this.auto, this.labeled));
		o.put("clear_auto_precision", ratio(this.clearAutoCorrect, this.clearAuto));
		o.put("clear_auto_coverage", ratio(this.clearAuto, this.clear));
		o.put("ask", this.ask);
		o.put("ask_top3", ratio(this.askTop3, this.ask));
		o.put("unknown", this.unknown);
		o.put("location_labeled", this.locationLabeled);
		o.put("location_recall", ratio(this.locationHits, this.locationExpected));
		o.put("location_precision", ratio(this.locationHits, this.locationPredicted));
		ArrayNode worst = o.putArray("worst_pairs");
		for (Map.Entry<String, Integer> e : worstPairs(10)) {
			ObjectNode w = worst.addObject();
			String[] parts = e.getKey().split(" → ");
			w.put("expected", parts[0]);
			w.put("predicted", parts[1]);
			w.put("count", e.getValue());
		}
		return o;
	}

	String toText() {
		StringBuilder b = new StringBuilder();
		b.append(String.format(Locale.ROOT, "lines %d (bad %d), service-labeled %d (label not in catalog %d)%n",
				this.lines, this.errors, this.labeled, this.labelNotInCatalog));
		b.append(String.format(Locale.ROOT, "top-1 accuracy   %s   (top-3 %s)%n", pct(this.top1, this.labeled),
				pct(this.top3, this.labeled)));
		b.append(String.format(Locale.ROOT, "  clear category %s   (%d items; catch-all labels excluded)%n",
				pct(this.clearTop1, this.clear), this.clear));
		b.append(String.format(Locale.ROOT, "macro-F1         %.3f%n", macroF1()));
		b.append(String.format(Locale.ROOT, "auto             precision %s  coverage %s  (%d decisions)%n",
				pct(this.autoCorrect, this.auto), pct(this.auto, this.labeled), this.auto));
		b.append(String.format(Locale.ROOT, "  clear category precision %s  coverage %s%n",
				pct(this.clearAutoCorrect, this.clearAuto), pct(this.clearAuto, this.clear)));
		b.append(String.format(Locale.ROOT, "ask              %d (right answer in top 3: %s), unknown %d%n", this.ask,
				pct(this.askTop3, this.ask), this.unknown));
		b.append(String.format(Locale.ROOT, "location mention recall %s  precision %s  (%d labeled, %d with a place)%n",
				pct(this.locationHits, this.locationExpected), pct(this.locationHits, this.locationPredicted),
				this.locationLabeled, this.locationExpected));
		b.append("worst confusions (expected → predicted):\n");
		for (Map.Entry<String, Integer> e : worstPairs(10)) {
			String[] parts = e.getKey().split(" → ");
			b.append(String.format(Locale.ROOT, "  %3d  %s → %s%n", e.getValue(), label(parts[0]), label(parts[1])));
		}
		return b.toString();
	}

	private String label(String code) {
		String name = this.names.get(code);
		return (name == null || name.equals(code)) ? code : name + " [" + code + "]";
	}

	private static String pct(int a, int b) {
		return (b == 0) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * a / b);
	}

}
