package org.frontdoor.nlp.cli;

import java.util.Locale;

import org.frontdoor.nlp.Analysis;
import org.frontdoor.nlp.classify.Decision;
import org.frontdoor.nlp.classify.RankedService;
import org.frontdoor.nlp.geo.GeocodeResult;
import org.frontdoor.nlp.location.LocationMention;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code analyze} output line for one analysis (the contract in the README). */
final class AnalysisJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private AnalysisJson() {
	}

	static ObjectNode of(JsonNode id, Analysis a, boolean geocoderOn) {
		ObjectNode o = NODES.objectNode();
		o.set("id", (id == null) ? NODES.nullNode() : id);
		o.put("language", a.language().language().code());
		o.put("intent", a.intent().intent().code());
		if (a.intent().argument() != null) {
			o.put("intent_arg", a.intent().argument());
		}
		if (a.intent().carrierKeyword() != null) {
			o.put("carrier_keyword", a.intent().carrierKeyword().name().toLowerCase(Locale.ROOT));
		}
		var c = a.classification();
		if (c.top().isPresent()) {
			RankedService top = c.top().get();
			ObjectNode s = o.putObject("service");
			s.put("code", top.service().code());
			s.put("name", top.service().name());
			s.put("confidence", top.confidence());
			s.put("decision", c.decision().name().toLowerCase(Locale.ROOT));
			if (c.reason() != null && c.decision() != Decision.AUTO) {
				s.put("reason", c.reason());
			}
		}
		else {
			o.putNull("service");
		}
		ArrayNode alts = o.putArray("alternatives");
		for (int k = 1; k < c.ranked().size(); k++) {
			RankedService r = c.ranked().get(k);
			ObjectNode alt = alts.addObject();
			alt.put("code", r.service().code());
			alt.put("confidence", r.confidence());
		}
		LocationMention m = a.location();
		if (m == null) {
			o.putNull("location");
		}
		else {
			ObjectNode l = o.putObject("location");
			l.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
			l.put("text", m.text());
			if (geocoderOn) {
				GeocodeResult g = a.geocode();
				if (g != null && !g.candidates().isEmpty()) {
					GeocodeResult.Candidate first = g.candidates().get(0);
					l.put("lat", first.point().lat());
					l.put("lon", first.point().lon());
					l.put("confidence", first.score());
					if (first.addressString() != null) {
						l.put("address", first.addressString());
					}
				}
				else {
					l.putNull("lat");
					l.putNull("lon");
					l.put("confidence", 0.0);
				}
				if (g != null) {
					l.put("level", g.confidence().name().toLowerCase(Locale.ROOT));
					if (g.reason() != null) {
						l.put("reason", g.reason());
					}
				}
			}
		}
		if (!a.warnings().isEmpty()) {
			ArrayNode w = o.putArray("warnings");
			a.warnings().forEach(w::add);
		}
		return o;
	}

	static ObjectNode error(JsonNode id, String message) {
		ObjectNode o = NODES.objectNode();
		o.set("id", (id == null) ? NODES.nullNode() : id);
		o.put("error", message);
		return o;
	}

}
