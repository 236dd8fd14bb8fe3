package org.frontdoor.nlp.location;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontdoor.nlp.location.LocationRules.Candidate;
import org.frontdoor.nlp.location.TaggedText.Tag;

/**
 * Finds the place a resident named in free text (addresses, intersections in every common
 * phrasing, landmarks, pole ids), in English and Spanish, without relying on
 * capitalization.
 * <p>
 * How: CoreNLP's tokenizer, a tag per token from word tables ({@code lexicon.txt}) and
 * the city's gazetteer names ({@link PlaceNames}), then TokensRegex rules over those tags
 * (see {@link LocationRules}); the most believable candidate wins, with the qualifier
 * written before it ("in front of") and a town named with it ("in Somerville"). No NER
 * model is used (CoreNLP's tags lower-case streets as nothing and capitalized ones as
 * PERSON). Thread-safe; never throws for any text.
 */
public final class LocationExtractor {

	private static final LocationRules RULES = new LocationRules();

	private static volatile LocationExtractor standard;

	private final PlaceNames names;

	private LocationExtractor(PlaceNames names) {
		this.names = names;
	}

	/**
	 * The extractor with the built-in place names (street names and landmarks of the
	 * bundled gazetteer).
	 * @return the extractor
	 */
	public static LocationExtractor standard() {
		LocationExtractor e = standard;
		if (e == null) {
			synchronized (LocationExtractor.class) {
				e = standard;
				if (e == null) {
					e = new LocationExtractor(PlaceNames.builtIn());
					standard = e;
				}
			}
		}
		return e;
	}

	/**
	 * An extractor for a city's own names (e.g. from its gazetteer index).
	 * @param names the city's place names ({@link PlaceNames#none()} for any city without
	 * a gazetteer)
	 * @return the extractor
	 */
	public static LocationExtractor withNames(PlaceNames names) {
		return new LocationExtractor(names);
	}

	/**
	 * The place names this extractor knows.
	 * @return the names
	 */
	public PlaceNames names() {
		return this.names;
	}

	/**
	 * The best location mention in the text, if any.
	 * @param text the resident's text (may be empty, never {@code null})
	 * @return the mention, or empty
	 */
	public Optional<LocationMention> extract(String text) {
		List<LocationMention> all = extractAll(text);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
	}

	/**
	 * Every location mention in the text that does not overlap a better one, best first.
	 * @param text the resident's text (may be empty; {@code null} reads as empty)
	 * @return the mentions, possibly empty
	 */
	public List<LocationMention> extractAll(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		TaggedText tt = TaggedText.of(text, this.names);
		List<Candidate> candidates = new ArrayList<>(RULES.candidates(tt, this.names));
		candidates.sort(Comparator.comparingDouble(Candidate::score)
			.reversed()
			.thenComparingInt(Candidate::start)
			.thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()));
		List<Candidate> chosen = new ArrayList<>();
		for (Candidate c : candidates) {
			boolean overlaps = false;
			for (Candidate k : chosen) {
				if (c.start() < k.end() && k.start() < c.end()) {
					overlaps = true;
					break;
				}
			}
			if (!overlaps) {
				chosen.add(c);
			}
		}
		List<LocationMention> mentions = new ArrayList<>(chosen.size());
		for (Candidate c : chosen) {
			mentions.add(toMention(tt, c));
		}
		return mentions;
	}

	private LocationMention toMention(TaggedText tt, Candidate c) {
		String qualifier = qualifier(tt, c.start());
		if (qualifier == null) {
			qualifier = c.qualifier();
		}
		String town = town(tt, c);
		int start = tt.begin(c.start());
		int end = tt.end(c.end() - 1);
		return new LocationMention(c.kind(), tt.text.substring(start, end), start, end, c.number(), c.street(),
				c.crossStreet(), c.landmark(), c.poleId(), qualifier, town, c.secondCrossStreet());
	}

	/**
	 * The qualifier phrase right before token {@code start} ("in front of", "cerca de").
	 */
	private static String qualifier(TaggedText tt, int start) {
		Map<String, String> table = LocationRules.qualifiers();
		List<String[]> phrases = Lexicon.get().phrasesLongestFirst("qualifier");
		// the qualifier may be followed by articles and fillers: "near the", "frente al",
		// "pole #"
		for (int end = start; end >= 0 && end >= start - 3; end--) {
			for (String[] phrase : phrases) {
				int from = end - phrase.length;
				if (from < 0) {
					continue;
				}
				boolean match = true;
				for (int k = 0; k < phrase.length; k++) {
					if (!phrase[k].equals(tt.fold[from + k])) {
						match = false;
						break;
					}
				}
				if (match) {
					return table.get(String.join(" ", phrase));
				}
			}
			if (end == 0 || !isFiller(tt.fold[end - 1])) {
				break;
			}
		}
		return null;
	}

	private static boolean isFiller(String fold) {
		return switch (fold) {
			case "the", "la", "el", "los", "las", "a", "an", "al", "number", "numero", "#", "del" -> true;
			default -> false;
		};
	}

	/**
	 * A town named with the place: "in Somerville", "Cambridge, MA", "Tucson, AZ" (the
	 * nearest one after the mention, else before it).
	 */
	private String town(TaggedText tt, Candidate c) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (TaggedText.Span span : tt.towns) {
			if (span.overlaps(c.start(), c.end()) || !standsAsTown(tt, span.start(), span.end())) {
				continue;
			}
			int distance = (span.start() >= c.end()) ? span.start() - c.end() : (c.start() - span.end()) + 8;
			if (distance < bestDistance) {
				bestDistance = distance;
				best = tt.span(span.start(), span.end());
			}
		}
		if (best == null) {
			best = townBeforeState(tt, c);
		}
		return best;
	}

	/** A known town used as a town, not as a street ("cambridge st") or a landmark. */
	private static boolean standsAsTown(TaggedText tt, int from, int to) {
		if (to < tt.size() && (tt.tags[to] == Tag.TYPE || tt.knownStart[to] >= 0 && tt.knownStart[to] < from)) {
			return false;
		}
		if (from > 0 && (tt.tags[from - 1] == Tag.NUM || tt.tags[from - 1] == Tag.PTYPE)) {
			return false;
		}
		for (TaggedText.Span lm : tt.landmarks) {
			if (lm.overlaps(from, to)) {
				return false;
			}
		}
		return true;
	}

	/** "Birmingham, Alabama", "St Joseph, MO": capitalized words, a comma, a state. */
	private static String townBeforeState(TaggedText tt, Candidate c) {
		Lexicon lex = Lexicon.get();
		for (int i = c.end(); i < Math.min(tt.size(), c.end() + 8); i++) {
			if (!",".equals(tt.fold[i]) || i + 1 >= tt.size()) {
				continue;
			}
			String state = tt.fold[i + 1];
			String two = (i + 2 < tt.size()) ? state + " " + tt.fold[i + 2] : state;
			boolean isState = lex.in("state", two) || (lex.in("state", state)
					&& (state.length() > 2 || tt.tokens.get(i + 1).word().equals(state.toUpperCase())));
			if (!isState) {
				continue;
			}
			int from = i;
			while (from - 1 >= c.end() && tt.tags[from - 1] != Tag.PUNCT && tt.tags[from - 1] != Tag.NUM
					&& tt.tags[from - 1] != Tag.TYPE && i - from < 3 && (!tt.mixedCase || tt.cap[from - 1])) {
				from--;
			}
			if (from < i) {
				return tt.span(from, i);
			}
		}
		return null;
	}

}
