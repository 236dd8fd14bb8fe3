package org.frontdoor.nlp.location;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;

import org.frontdoor.nlp.location.TaggedText.Tag;

/**
 * The TokensRegex rules that find place descriptions over tagged tokens, and the checks
 * that keep only the believable ones. Each rule runs only in a small window around its
 * anchor tokens (a number, "and", "corner", "pole"...), which keeps a message well under
 * a millisecond.
 */
final class LocationRules {

	/** How sure a candidate is that it names a place (used to pick the best one). */
	enum Strength {

		WEAK, MEDIUM, STRONG

	}

	/** What a rule extracts. */
	private enum Kind {

		ADDRESS, ADDRESS_ES, ADDRESS_ES_AFTER, ADDRESS_AFTER, INTERSECTION_HIGHWAY, LANDMARK_NAMED, INTERSECTION_CUE,
		INTERSECTION_BETWEEN, INTERSECTION_FROM_TO, INTERSECTION_MEETS, INTERSECTION_CONJ, INTERSECTION_RELATIVE,
		INTERSECTION_OFFSET, INTERSECTION_TURN, POLE, POLE_ID, LANDMARK_GENERIC, LANDMARK_HEAD_FIRST,
		LANDMARK_APPOSITIVE

	}

	private static final Pattern POLE_LIKE = Pattern
		.compile("#?([a-z]?\\d{1,5}-m?\\d{1,4}(\\.\\d)?[a-z]?(/[a-z])?|[a-z]\\d{3,6}|\\d{4,7})");

	private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

	private static final Set<String> FILLERS = Set.of("just", "right", "jus", "shortly", "immediately", "slightly", ",",
			"to", "the", "al");

	/**
	 * The word before the second street of a turning movement: "turn left on Oak",
	 * "doblar a la derecha en la calle Oak".
	 */
	private static final Set<String> TURN_TARGETS = Set.of("on", "onto", "into", "en", "a", "hacia");

	/**
	 * Turn targets that name a turning movement by themselves ("from Bolz onto
	 * Longmeadow").
	 */
	private static final Set<String> TURN_ALONE = Set.of("onto", "into");

	/** Determiners before an appositive landmark ("this hotel Ocean Manor"). */
	private static final Set<String> APPOSITIVE_DETERMINERS = Set.of("the", "this", "that");

	/**
	 * Words that introduce an appositive landmark as a place ("in front of this hotel
	 * Ocean Manor", "behind the store Food King"; not "the park Director said").
	 */
	private static final Set<String> LOCATIVES = Set.of("at", "near", "by", "behind", "outside", "of", "to", "from",
			"opposite", "beside", "in", "on", "across", "past", "around", "inside");

	/** A distance unit glued to its number ("100ft", "50m"), or a bare unit word. */
	private static final String DISTANCE_UNIT = "(\\d+([.,]\\d+)?)?(" + String.join("|", words("distance")) + ")";

	private static final Pattern DISTANCE_UNIT_PATTERN = Pattern.compile(DISTANCE_UNIT);

	private static final Set<String> PLURAL_TYPES = Set.of("streets", "sts", "aves", "avenues", "roads", "rds");

	private static final Set<String> PREPOSITIONS = Set.of("on", "at", "of", "to", "near", "by", "en", "in", "from",
			"off", "facing", "de", "entre", "along");

	private static final Set<String> ADDRESS_CUES = Set.of("at", "on", "near", "by", "outside", "front", "across",
			"behind", "to", "from", "de", "en", "frente", "al", "is", "address", "opposite", "beside", "infront",
			"live", "lives", "of", "past");

	private final List<Rule> rules = new ArrayList<>();

	LocationRules() {
		Env env = TokenSequencePattern.getNewEnv();
		env.bind("tag", TaggedText.TagKey.class);
		env.bind("known", TaggedText.KnownKey.class);
		env.bind("fold", TaggedText.FoldKey.class);
		env.bind("$NW", "[ {tag:/WORD|ORD/} | {known:/B|I/} ]");
		env.bind("$DIR", "[{tag:DIR}]");
		env.bind("$TYPE", "[{tag:TYPE}]");
		env.bind("$ART", "[{fold:/the|la|el|las|los|calle|street|avenida/} & !{tag:PTYPE}]");
		env.bind("$SIDE",
				"( (?: [{tag:PTYPE}] [{tag:OF}]? )? (?: $DIR{0,2} $NW (?: $NW | $DIR ){0,3} | $DIR ) $TYPE? $DIR? "
						+ "| [{tag:NUM} & {word:/\\d{1,3}/}] $TYPE $DIR? )");
		env.bind("$HWY", "( [{tag:NUM} & {word:/\\d{1,3}/}] )");
		env.bind("$NUMS", "( [{tag:NUM}] (?: [{fold:/-|–|,|&|and|y|or|o|to/}]? [{tag:NUM}] ){0,3} )");
		String heads = String.join("|", headWords("landmarkhead"));
		env.bind("$HEAD", "[{fold:/" + heads + "/}]");
		String prefixHeads = String.join("|", Lexicon.get().map("landmarkprefix").keySet());

		add(env, Kind.ADDRESS, Tag.NUM, 0, 10, "(?$num $NUMS) (?: /block|blk/ /of/ )? (?$a $SIDE)");
		add(env, Kind.ADDRESS_ES, Tag.NUM, 0, 10,
				"(?$num $NUMS) [{tag:OF}] [{fold:/la|el/}]? (?$a [{tag:PTYPE}] [{tag:OF}]? $NW{1,3} $TYPE? | $SIDE)");
		add(env, Kind.ADDRESS_ES_AFTER, Tag.PTYPE, 0, 8,
				"(?$a [{tag:PTYPE}] [{tag:OF}]? $NW{1,3}) [{fold:/numero|num|nro|no|n|#/}]? (?$num [{tag:NUM}])");
		add(env, Kind.INTERSECTION_CUE, Tag.CUE, 0, 15,
				"(?$cue [{tag:CUE}]) [{tag:OF} | $ART]{0,3} (?$a $SIDE) (?$conj [{tag:/CONJ|AT|SLASH/}]) $ART? (?$b $SIDE)");
		add(env, Kind.INTERSECTION_BETWEEN, Tag.BETWEEN, 7, 13,
				"(?$a $SIDE)? [{tag:/STOP|PUNCT/} & {fold:/,|on|the|in|-/}]{0,3} (?$btw [{tag:BETWEEN}]) $ART? (?$b $SIDE) "
						+ "[{tag:/CONJ|SLASH/} | {fold:/to|and|y|thru|through|hasta/}] $ART? (?$c $SIDE)");
		add(env, Kind.INTERSECTION_FROM_TO, null, 7, 13, "(?$a $SIDE)? [{fold:/,|-/}]? (?$btw [{fold:/from|desde/}]) "
				+ "(?$b $SIDE) [{fold:/to|thru|through|until|hasta|towards|toward/}] (?$c $SIDE)");
		add(env, Kind.INTERSECTION_MEETS, Tag.MEETS, 7, 9,
				"(?$a $SIDE) (?$conj [{tag:MEETS}]) [{fold:/the|with|con/}]? (?$b $SIDE)");
		add(env, Kind.INTERSECTION_CONJ, Tag.CONJ, 7, 8, "(?$a $SIDE) (?$conj [{tag:/CONJ|AT|SLASH/}]) (?$b $SIDE)");
		add(env, Kind.INTERSECTION_CONJ, Tag.AT, 7, 8, "(?$a $SIDE) (?$conj [{tag:/CONJ|AT|SLASH/}]) (?$b $SIDE)");
		add(env, Kind.INTERSECTION_CONJ, Tag.SLASH, 7, 8, "(?$a $SIDE) (?$conj [{tag:/CONJ|AT|SLASH/}]) (?$b $SIDE)");
		add(env, Kind.ADDRESS_AFTER, Tag.NUM, 7, 0, "(?$a $SIDE) (?$num [{tag:NUM}])");
		add(env, Kind.INTERSECTION_HIGHWAY, Tag.REL, 3, 8,
				"(?$a $HWY) [{tag:DIR}]? (?$conj [{fold:/onto|to|from/}]) " + "(?$b $SIDE)");
		add(env, Kind.INTERSECTION_HIGHWAY, Tag.DIR, 8, 3,
				"(?$b $SIDE) [{fold:/just|right|jus|,/}]? " + "(?$conj [{tag:DIR}]) [{tag:OF}] (?$a $HWY)");
		add(env, Kind.LANDMARK_NAMED, null, 0, 5,
				"(?$conj [{fold:/near|by|behind|opposite|outside|at|from|of|to/}]) (?$a []{1,4})");
		add(env, Kind.INTERSECTION_RELATIVE, Tag.REL, 8, 9,
				"(?$a $SIDE) [{fold:/just|right|jus|shortly|immediately|slightly|,/}]? "
						+ "(?$conj [{tag:REL}]) [{fold:/the|of/}]? (?$b $SIDE)");
		add(env, Kind.INTERSECTION_RELATIVE, Tag.DIR, 8, 11,
				"(?$a $SIDE) [{fold:/just|right|jus|shortly|immediately|slightly|,/}]? [{fold:/to|the|al/}]{0,2} "
						+ "(?$conj [{tag:DIR}]) [{tag:OF}] $ART? (?: [{tag:CUE}] [{fold:/with|of|at|con|de/}] $ART? )? "
						+ "(?$b $SIDE)");
		// a distance along the first street from the second: "Main St 100 ft north of
		// Elm St", "Oak Ave, a block past the Pine St intersection", "calle Main a 50
		// metros de la calle Oak"
		add(env, Kind.INTERSECTION_OFFSET, null, 10, 10,
				"(?$a $SIDE) [{fold:/,|-|" + String.join("|", words("approx"))
						+ "/}]{0,3} [{tag:/NUM|SLASH/} | {word:/\\d+([.,]\\d+)?/} | {fold:/"
						+ String.join("|", words("quantity")) + "/}]{0,3} (?$unit [{fold:/" + DISTANCE_UNIT
						+ "/}]) [{fold:/or|so|away/}]{0,2} [{fold:/to|the|al|a|hacia/}]{0,2} "
						+ "(?$conj [{tag:/DIR|OF/} | {fold:/past|before|after|beyond|from|desde/}]) [{tag:OF}]? $ART? "
						+ "(?: [{tag:CUE}] [{fold:/with|of|at|con|de/}] $ART? )? (?$b $SIDE)");
		// "on Bolz to turn west on Longmeadow", "turning left from Elm St onto Oak Ave"
		add(env, Kind.INTERSECTION_TURN, null, 12, 8,
				"[{fold:/from|on|off|exiting|leaving|of|desde|de|en|por/}] $ART? (?$a $SIDE) "
						+ "[{fold:/,|to|and|then|when|trying|para|y/}]{0,2} (?: (?$turn [{fold:/"
						+ String.join("|", words("turn"))
						+ "/}]) [{fold:/a|an|left|right|u|or|and|la|izquierda|derecha|o|y/} | {tag:DIR}]{0,4} )? "
						+ "(?$conj [{fold:/" + String.join("|", TURN_TARGETS) + "/}]) $ART? (?$b $SIDE)");
		add(env, Kind.POLE, Tag.POLEKW, 0, 6, "(?$kw [{tag:POLEKW}]) [{tag:/POLEKW|PUNCT|STOP/} | "
				+ "{fold:/pole|post|poste|number|num|no|nro|numero|id|is|out/}]{0,3} (?$num [{tag:/NUM|POLEID/} | {word:/#?[A-Za-z]\\d{3,6}/}])");
		add(env, Kind.POLE_ID, Tag.POLEID, 0, 1, "(?$num [{tag:POLEID}])");
		add(env, Kind.LANDMARK_GENERIC, null, 4, 1,
				"(?$a [ {tag:/WORD|NOUN|ORD/} | {known:/B|I/} ]{1,3}) (?$head $HEAD)");
		add(env, Kind.LANDMARK_HEAD_FIRST, null, 0, 5, "(?$head [{fold:/lake|mount|mt|fort|" + prefixHeads
				+ "/}]) [{tag:OF}]? [{fold:/la|el/}]? (?$a [{tag:WORD} | {known:/B|I/}]{1,3})");
		// "in front of this hotel Ocean Manor": a generic head, then the place's own name
		add(env, Kind.LANDMARK_APPOSITIVE, null, 2, 4, "[{fold:/" + String.join("|", LOCATIVES) + "/}] [{fold:/"
				+ String.join("|", APPOSITIVE_DETERMINERS) + "/}] (?$head $HEAD) (?$a []{1,4})");
	}

	/** The one-word entries of a lexicon section, for a TokensRegex alternation. */
	private static List<String> words(String section) {
		List<String> words = new ArrayList<>();
		for (String w : Lexicon.get().set(section)) {
			if (w.matches("[a-z]+")) {
				words.add(w);
			}
		}
		words.sort(null);
		return words;
	}

	private static List<String> headWords(String section) {
		List<String> words = new ArrayList<>();
		for (String w : Lexicon.get().set(section)) {
			if (!w.contains(" ")) {
				words.add(w);
			}
		}
		return words;
	}

	private void add(Env env, Kind kind, Tag anchor, int before, int after, String pattern) {
		this.rules.add(new Rule(kind, anchor, before, after, TokenSequencePattern.compile(env, pattern)));
	}

	/**
	 * All candidate mentions in a tagged text.
	 * @param tt the tagged text
	 * @param names the city's names
	 * @return the candidates, unordered
	 */
	List<Candidate> candidates(TaggedText tt, PlaceNames names) {
		List<Candidate> out = new ArrayList<>();
		int n = tt.size();
		Set<String> seen = new HashSet<>();
		Lexicon lex = Lexicon.get();
		for (Rule rule : this.rules) {
			for (int i = 0; i < n; i++) {
				if (!rule.anchoredAt(tt, i, lex)) {
					continue;
				}
				int from = Math.max(0, i - rule.before);
				int to = Math.min(n, i + rule.after + 1);
				// every leftmost match that covers the anchor, overlapping ones included:
				// "shoulder at 11th Ave" must not hide "11th Ave and Neah Dr"
				int s = from;
				while (s <= i) {
					TokenSequenceMatcher m = rule.pattern.getMatcher(tt.tokens);
					m.region(s, to);
					if (!m.find() || m.start() > i) {
						break;
					}
					if (m.end() > i && seen.add(rule.kind + ":" + m.start() + ":" + m.end())) {
						Candidate c = build(rule.kind, new Match(m), tt, lex);
						if (c != null) {
							out.add(c);
						}
					}
					s = m.start() + 1;
				}
			}
		}
		for (TaggedText.Span span : tt.landmarks) {
			out.add(gazetteerLandmark(tt, span));
		}
		return out;
	}

	private Candidate gazetteerLandmark(TaggedText tt, TaggedText.Span span) {
		int words = 0;
		for (int k = span.start(); k < span.end(); k++) {
			if (tt.tags[k] != Tag.SLASH && tt.tags[k] != Tag.PUNCT) {
				words++;
			}
		}
		double score = (words >= 2) ? 0.8 : 0.6;
		String text = tt.span(span.start(), span.end());
		return new Candidate(LocationKind.LANDMARK, span.start(), span.end(), score, null, null, null, null, text, null,
				null);
	}

	private Candidate build(Kind kind, Match m, TaggedText tt, Lexicon lex) {
		return switch (kind) {
			case ADDRESS, ADDRESS_ES, ADDRESS_ES_AFTER -> address(kind, m, tt, lex);
			case ADDRESS_AFTER -> addressAfter(m, tt, lex);
			case INTERSECTION_HIGHWAY -> highway(m, tt);
			case LANDMARK_NAMED -> namedPlace(m, tt, lex);
			case POLE, POLE_ID -> pole(kind, m, tt);
			case LANDMARK_GENERIC -> genericLandmark(m, tt, lex);
			case LANDMARK_HEAD_FIRST -> headFirstLandmark(m, tt, lex);
			case LANDMARK_APPOSITIVE -> appositiveLandmark(m, tt, lex);
			case INTERSECTION_OFFSET, INTERSECTION_TURN -> movement(kind, m, tt);
			default -> intersection(kind, m, tt, lex);
		};
	}

	private Candidate address(Kind kind, Match m, TaggedText tt, Lexicon lex) {
		int numStart = m.start("$num");
		int numEnd = m.end("$num");
		String number = tt.tokens.get(numStart).word().toLowerCase(java.util.Locale.ROOT).replace("#", "");
		if (number.startsWith("-") || number.startsWith("–")) {
			return null;
		}
		int dash = number.indexOf('-', 1);
		if (dash > 0) {
			// "45-A" is house 45A; "2102-2104" is a range starting at 2102
			String after = number.substring(dash + 1);
			number = number.substring(0, dash) + (after.matches("[a-z]") ? after : "");
		}
		Side street;
		if (kind == Kind.ADDRESS_ES_AFTER) {
			street = side(tt, m.start("$a"), m.end("$a"), false);
		}
		else {
			street = side(tt, m.start("$a"), m.end("$a"), false);
		}
		if (street == null) {
			return null;
		}
		int first = street.from;
		if (kind == Kind.ADDRESS && lex.in("unit", tt.fold[first]) && street.strength != Strength.STRONG) {
			return null;
		}
		boolean typed = tt.tags[street.to - 1] == Tag.TYPE
				|| (street.to - 2 >= street.from && tt.tags[street.to - 2] == Tag.TYPE);
		if (kind == Kind.ADDRESS && !typed && street.to < tt.size()
				&& (tt.tags[street.to] == Tag.NOUN || tt.tags[street.to] == Tag.POLEKW)
				&& !"block".equals(tt.fold[street.to])) {
			// "3 lawn signs", "2 green bins": a quantity, not a house number
			return null;
		}
		if (kind == Kind.ADDRESS && tt.tags[first] == Tag.ORD && street.to == first + 1
				&& StreetLexicon.ordinalSuffix(tt.fold[first])) {
			return null;
		}
		double score;
		if (kind != Kind.ADDRESS) {
			score = (street.strength == Strength.WEAK) ? 0.7 : 0.88;
		}
		else if (street.strength == Strength.STRONG) {
			score = 0.9;
		}
		else if (YEAR.matcher(number).matches() && !tt.known(first)) {
			return null;
		}
		else if (street.strength == Strength.MEDIUM) {
			score = 0.72;
		}
		else if (cueBefore(tt, numStart)) {
			score = 0.55;
		}
		else {
			return null;
		}
		int start = Math.min(numStart, street.from);
		int end = Math.max(numEnd, street.to);
		return new Candidate(LocationKind.ADDRESS, start, end, score, number, tt.span(street.from, street.to), null,
				null, null, null, null);
	}

	/** "Datis street 6": a typed street, then its number (not a quantity). */
	private Candidate addressAfter(Match m, TaggedText tt, Lexicon lex) {
		Side street = side(tt, m.start("$a"), m.end("$a"), true);
		int num = m.start("$num");
		if (street == null || !street.typed() || street.to != num || tt.tags[street.from] == Tag.NUM) {
			return null;
		}
		if (num + 1 < tt.size()) {
			Tag next = tt.tags[num + 1];
			String f = tt.fold[num + 1];
			if (next == Tag.NOUN || next == Tag.WORD || next == Tag.TYPE || lex.in("unit", f)
					|| lex.in("stop", f) && !"and".equals(f) && !"is".equals(f)) {
				return null;
			}
		}
		String number = tt.fold[num].replace("#", "");
		return new Candidate(LocationKind.ADDRESS, street.from, num + 1, 0.6, number, tt.span(street.from, street.to),
				null, null, null, null, null);
	}

	/**
	 * "from 42 onto Marketplace Blvd", "Six Forks Road just south of 440": a numbered
	 * highway.
	 */
	private Candidate highway(Match m, TaggedText tt) {
		Side b = side(tt, m.start("$b"), m.end("$b"), m.start("$b") < m.start("$a"));
		int hwy = m.start("$a");
		// "from 42 north onto marketplace Blvd": a route with a travel direction
		boolean headed = hwy + 1 < tt.size() && tt.tags[hwy + 1] == Tag.DIR;
		if (b == null || !b.typed() || b.strength != Strength.STRONG && !b.capitalized() && !headed) {
			return null;
		}
		int from = Math.min(hwy, b.from);
		int to = Math.max(hwy + 1, b.to);
		String route = tt.tokens.get(hwy).word();
		return new Candidate(LocationKind.INTERSECTION, from, to, 0.6, null, "Route " + route, tt.span(b.from, b.to),
				null, null, null, null);
	}

	/**
	 * A capitalized name after "near", "at", "in front of"… ("across the street from
	 * Mango Mango").
	 */
	private Candidate namedPlace(Match m, TaggedText tt, Lexicon lex) {
		if (!tt.mixedCase) {
			return null;
		}
		int prep = m.start("$conj");
		String p = tt.fold[prep];
		if (("of".equals(p) && (prep == 0 || !"front".equals(tt.fold[prep - 1])))
				|| ("to".equals(p) && (prep == 0 || !"next".equals(tt.fold[prep - 1])))) {
			return null;
		}
		return properNameLandmark(m, tt, lex, 0.3);
	}

	/**
	 * A landmark named by the capitalized words at {@code $a}, unless they run into a
	 * street type or a number (a street, an address) or name a town.
	 */
	private Candidate properNameLandmark(Match m, TaggedText tt, Lexicon lex, double score) {
		int start = m.start("$a");
		int end = properNameEnd(tt, start, m.end("$a"), lex);
		if (end == start || (end < tt.size() && (tt.tags[end] == Tag.TYPE || tt.tags[end] == Tag.NUM))) {
			return null;
		}
		for (TaggedText.Span town : tt.towns) {
			if (town.overlaps(start, end)) {
				return null;
			}
		}
		String text = tt.span(start, end);
		return new Candidate(LocationKind.LANDMARK, start, end, score, null, null, null, null, text, null, null);
	}

	private static boolean cueBefore(TaggedText tt, int i) {
		for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
			if (ADDRESS_CUES.contains(tt.fold[k])) {
				return true;
			}
			if (tt.tags[k] == Tag.PUNCT && !"(".equals(tt.fold[k])) {
				return false;
			}
		}
		return i > 0 && "(".equals(tt.fold[i - 1]);
	}

	private Candidate pole(Kind kind, Match m, TaggedText tt) {
		int i = m.start("$num");
		String id = tt.tokens.get(i).word();
		String f = id.toLowerCase(java.util.Locale.ROOT);
		if (!POLE_LIKE.matcher(f).matches()) {
			return null;
		}
		String clean = id.startsWith("#") ? id.substring(1) : id;
		return new Candidate(LocationKind.POLE, i, i + 1, 0.95, null, null, null, null, null, clean, null);
	}

	private Candidate genericLandmark(Match m, TaggedText tt, Lexicon lex) {
		int head = m.start("$head");
		int from = m.start("$a");
		int start = head;
		if (tt.mixedCase) {
			// the leftmost capitalized word of the name; lower-case generic words may sit
			// between
			for (int k = head - 1; k >= from; k--) {
				if (lex.in("stop", tt.fold[k]) && !tt.cap[k]) {
					break;
				}
				if (tt.cap[k] && !lex.in("stop", tt.fold[k])) {
					start = k;
				}
			}
		}
		else {
			for (int k = head - 1; k >= from; k--) {
				String f = tt.fold[k];
				if (lex.in("generic", f) || lex.in("stop", f) || tt.tags[k] == Tag.NOUN || f.length() < 4) {
					break;
				}
				start = k;
			}
		}
		if (start == head) {
			return null;
		}
		int end = head + 1;
		for (int k = start + 1; k < head; k++) {
			if (lex.in("landmarkhead", tt.fold[k])) {
				// "Denver Park playground": the place is Denver Park
				end = k + 1;
				break;
			}
		}
		double score = tt.mixedCase ? 0.5 : 0.3;
		String text = tt.span(start, end);
		return new Candidate(LocationKind.LANDMARK, start, end, score, null, null, null, null, text, null, null);
	}

	/**
	 * "Main St 100 ft north of Elm St" (a distance along the first street from the
	 * second), "on Bolz to turn west on Longmeadow" (a turn from one street into the
	 * other): two streets that each read as a street, the first not a capitalized word
	 * that merely starts the sentence.
	 */
	private Candidate movement(Kind kind, Match m, TaggedText tt) {
		Side a = side(tt, m.start("$a"), m.end("$a"), true);
		Side b = side(tt, m.start("$b"), m.end("$b"), false);
		if (a == null || b == null || !both(a, b, Strength.MEDIUM) || a.direction() || b.direction()) {
			return null;
		}
		if (!a.typed() && a.strength == Strength.MEDIUM && !tt.known(a.from) && tt.sentenceStart(a.from)) {
			return null;
		}
		if (kind == Kind.INTERSECTION_TURN && m.start("$turn") < 0 && !TURN_ALONE.contains(tt.fold[m.start("$conj")])) {
			return null;
		}
		double score = (kind == Kind.INTERSECTION_OFFSET) ? 0.64 : 0.6;
		return new Candidate(LocationKind.INTERSECTION, a.from, b.to, score, null, tt.span(a.from, a.to),
				tt.span(b.from, b.to), null, null, null, null);
	}

	/**
	 * "in front of this hotel Ocean Manor", "behind the store Food King": a generic head
	 * noun with the place's capitalized name after it (only where capitalization means
	 * something).
	 */
	private Candidate appositiveLandmark(Match m, TaggedText tt, Lexicon lex) {
		if (!tt.mixedCase) {
			return null;
		}
		return properNameLandmark(m, tt, lex, 0.35);
	}

	/**
	 * Just past the capitalized words of a proper name starting at {@code start} (a
	 * possessive inside it: "Joe's Pizza"); {@code start} when there is none.
	 */
	private static int properNameEnd(TaggedText tt, int start, int limit, Lexicon lex) {
		int end = start;
		while (end < limit) {
			// a stop word tagged WORD is part of a name ("El Farolito")
			boolean word = tt.tags[end] == Tag.WORD || tt.tags[end] == Tag.NOUN && !lex.in("stop", tt.fold[end]);
			if (word && tt.cap[end] && !tt.known(end)) {
				end++;
			}
			else if (end > start && end + 1 < limit
					&& "'s".equals(tt.tokens.get(end).word().toLowerCase(java.util.Locale.ROOT)) && tt.cap[end + 1]) {
				end++;
			}
			else {
				break;
			}
		}
		return end;
	}

	private Candidate headFirstLandmark(Match m, TaggedText tt, Lexicon lex) {
		int head = m.start("$head");
		int end = head + 1;
		for (int k = m.start("$a"); k < m.end("$a"); k++) {
			String f = tt.fold[k];
			if (lex.in("generic", f) || lex.in("stop", f) || (tt.mixedCase && !tt.cap[k])) {
				break;
			}
			end = k + 1;
		}
		if (end == head + 1) {
			return null;
		}
		String text = tt.span(head, end);
		return new Candidate(LocationKind.LANDMARK, head, end, 0.4, null, null, null, null, text, null, null);
	}

	private Candidate intersection(Kind kind, Match m, TaggedText tt, Lexicon lex) {
		boolean hasA = m.start("$a") >= 0;
		Side a = hasA ? side(tt, m.start("$a"), m.end("$a"), true) : null;
		if (a != null && a.strength == Strength.WEAK
				&& (kind == Kind.INTERSECTION_BETWEEN || kind == Kind.INTERSECTION_FROM_TO)) {
			a = null;
		}
		if (hasA && a == null && kind != Kind.INTERSECTION_BETWEEN && kind != Kind.INTERSECTION_FROM_TO) {
			return null;
		}
		Side b = side(tt, m.start("$b"), m.end("$b"), false);
		if (b == null) {
			return null;
		}
		Side c = null;
		if (kind == Kind.INTERSECTION_BETWEEN || kind == Kind.INTERSECTION_FROM_TO) {
			c = side(tt, m.start("$c"), m.end("$c"), false);
			if (c == null) {
				return null;
			}
		}
		double score;
		String conj = (m.start("$conj") >= 0)
				? tt.tokens.get(m.start("$conj")).word().toLowerCase(java.util.Locale.ROOT) : "";
		switch (kind) {
			case INTERSECTION_CUE -> score = strongest(a, b) ? 0.87 : 0.75;
			case INTERSECTION_BETWEEN -> {
				if (b.strength == Strength.WEAK && c.strength == Strength.WEAK) {
					return null;
				}
				score = (a != null && a.strength == Strength.STRONG) || strongest(b, c) ? 0.9 : 0.68;
			}
			case INTERSECTION_FROM_TO -> {
				if (!(strongest(b, c) && (a == null || a.strength != Strength.WEAK))) {
					return null;
				}
				score = 0.7;
			}
			case INTERSECTION_MEETS -> {
				if (!both(a, b, Strength.MEDIUM)) {
					return null;
				}
				score = strongest(a, b) ? 0.85 : 0.7;
			}
			case INTERSECTION_RELATIVE -> {
				boolean precise = tt.tags[m.start("$conj")] == Tag.DIR || "just".equals(tt.fold[m.start("$conj") - 1])
						|| (a.from > 0 && "on".equals(tt.fold[a.from - 1]));
				if (!(both(a, b, Strength.STRONG) || (strongest(a, b) && atLeast(a, b, Strength.MEDIUM))
						|| (precise && both(a, b, Strength.MEDIUM)))) {
					return null;
				}
				score = 0.62;
			}
			default -> {
				Double s = conjScore(conj, a, b, tt, m.start("$a"));
				if (s == null) {
					return null;
				}
				score = s;
			}
		}
		if (kind == Kind.INTERSECTION_BETWEEN || kind == Kind.INTERSECTION_FROM_TO) {
			if (a != null) {
				return new Candidate(LocationKind.INTERSECTION, a.from, c.to, score, null, tt.span(a.from, a.to),
						tt.span(b.from, b.to), tt.span(c.from, c.to), null, null, "between");
			}
			return new Candidate(LocationKind.INTERSECTION, b.from, c.to, score, null, tt.span(b.from, b.to),
					tt.span(c.from, c.to), null, null, null, "between");
		}
		String qualifier = (kind == Kind.INTERSECTION_CUE) ? "corner" : null;
		return new Candidate(LocationKind.INTERSECTION, a.from, b.to, score, null, tt.span(a.from, a.to),
				tt.span(b.from, b.to), null, null, null, qualifier);
	}

	private static Double conjScore(String conj, Side a, Side b, TaggedText tt, int aStart) {
		boolean strongConj = "&".equals(conj) || "@".equals(conj) || "at".equals(conj);
		if (("/".equals(conj) || "\\".equals(conj)) && (a.direction() || b.direction())) {
			return null;
		}
		if (a.typed() && b.typed()) {
			return 0.82;
		}
		boolean prep = aStart > 0 && PREPOSITIONS.contains(tt.fold[a.from - 1 >= 0 ? a.from - 1 : 0]);
		if (both(a, b, Strength.STRONG)) {
			return 0.85;
		}
		if (strongest(a, b) && atLeast(a, b, Strength.MEDIUM)) {
			return 0.8;
		}
		if (strongConj && strongest(a, b)) {
			return 0.72;
		}
		if (strongConj && both(a, b, Strength.MEDIUM)) {
			return 0.7;
		}
		if (both(a, b, Strength.MEDIUM) && prep && a.capitalized() && b.capitalized()) {
			String p = tt.fold[a.from - 1];
			return ("at".equals(p) || "on".equals(p) || "of".equals(p) || "en".equals(p)) ? 0.6 : 0.45;
		}
		if ("at".equals(conj) && prep && "on".equals(tt.fold[a.from - 1])) {
			return 0.55;
		}
		return null;
	}

	private static boolean strongest(Side a, Side b) {
		return (a != null && a.strength == Strength.STRONG) || (b != null && b.strength == Strength.STRONG);
	}

	private static boolean both(Side a, Side b, Strength s) {
		return a != null && b != null && a.strength.compareTo(s) >= 0 && b.strength.compareTo(s) >= 0;
	}

	private static boolean atLeast(Side a, Side b, Strength s) {
		return both(a, b, s);
	}

	/**
	 * Trims a matched street expression to the street itself and rates it.
	 * @param tt the text
	 * @param from first token of the match
	 * @param to just past the match
	 * @param left whether the street is the left side of a pair (extends leftwards)
	 * @return the street, or {@code null} when it is not one
	 */
	static Side side(TaggedText tt, int from, int to, boolean left) {
		if (from < 0 || to <= from) {
			return null;
		}
		int ptype = (tt.tags[from] == Tag.PTYPE) ? from : -1;
		int s = from;
		if (ptype >= 0) {
			s = from + 1;
			if (s < to && tt.tags[s] == Tag.OF) {
				s++;
			}
		}
		int type = -1;
		for (int k = to - 1; k >= s; k--) {
			if (tt.tags[k] == Tag.TYPE) {
				type = k;
				break;
			}
		}
		int end;
		int start;
		Strength strength;
		if (ptype >= 0) {
			start = ptype;
			end = nameEnd(tt, s, to, left);
			if (end <= s) {
				return null;
			}
			strength = Strength.STRONG;
		}
		else if (type > s || (type == s && tt.knownStart[s] >= 0)) {
			end = type + 1;
			if (end < to && tt.tags[end] == Tag.DIR) {
				end++;
			}
			start = s;
			int names = type - s;
			int knownAt = (type - 1 >= s) ? tt.knownStart[type - 1] : -1;
			if (knownAt > s && knownAt < type && (!tt.mixedCase || !tt.cap[s])) {
				start = knownAt;
			}
			else if (names > 3) {
				start = type - 3;
			}
			if (start > s && tt.tags[start - 1] == Tag.DIR) {
				start--;
			}
			strength = Strength.STRONG;
		}
		else {
			// no type: a known street, an ordinal, or bare name words
			int first = s;
			if (tt.tags[first] == Tag.DIR && first + 1 < to) {
				first++;
			}
			if (left) {
				int last = to - 1;
				while (last > first && tt.tags[last] == Tag.DIR) {
					last--;
				}
				if (tt.knownStart[last] >= 0 && tt.knownStart[last] >= first) {
					start = tt.knownStart[last];
					if (start > s && tt.tags[start - 1] == Tag.DIR) {
						start--;
					}
					strength = tt.knownWeak[last] ? Strength.MEDIUM : Strength.STRONG;
				}
				else if (tt.tags[last] == Tag.ORD) {
					start = last;
					if (start > s && tt.tags[start - 1] == Tag.DIR) {
						start--;
					}
					strength = Strength.STRONG;
				}
				else {
					start = last;
					while (start - 1 >= first && tt.mixedCase && tt.cap[start - 1] && tt.cap[last]
							&& last - start < 2) {
						start--;
					}
					strength = rateBare(tt, start, last + 1);
				}
				end = last + 1;
				if (end < to && tt.tags[end] == Tag.DIR) {
					end++;
				}
			}
			else {
				start = s;
				if (tt.knownEnd[first] > 0) {
					end = tt.knownEnd[first];
					strength = tt.knownWeak[first] ? Strength.MEDIUM : Strength.STRONG;
				}
				else if (tt.tags[first] == Tag.ORD) {
					end = first + 1;
					strength = Strength.STRONG;
				}
				else {
					end = first + 1;
					while (end < to && tt.mixedCase && tt.cap[first] && tt.cap[end] && end - first < 3
							&& tt.tags[end] == Tag.WORD) {
						end++;
					}
					strength = rateBare(tt, first, end);
				}
				if (end < to && tt.tags[end] == Tag.DIR) {
					end++;
				}
			}
		}
		if (!hasName(tt, start, end)) {
			return null;
		}
		Lexicon lex = Lexicon.get();
		boolean typed = tt.tags[end - 1] == Tag.TYPE || (end - 2 >= start && tt.tags[end - 2] == Tag.TYPE);
		boolean onlyDirections = true;
		boolean capitalized = tt.mixedCase;
		for (int k = start; k < end; k++) {
			onlyDirections &= tt.tags[k] == Tag.DIR || (tt.known(k) && StreetLexicon.direction(tt.fold[k]) != null);
			if (tt.tags[k] != Tag.TYPE && tt.tags[k] != Tag.DIR && tt.tags[k] != Tag.ORD) {
				capitalized &= tt.cap[k];
			}
		}
		if (onlyDirections && !typed) {
			strength = capitalized ? Strength.MEDIUM : Strength.WEAK;
		}
		if (!typed && end < tt.size() && lex.in("landmarkhead", tt.fold[end]) && !tt.known(end)) {
			return null;
		}
		if (strength == Strength.STRONG && typed && tt.mixedCase && ptype < 0) {
			for (int k = start; k < end; k++) {
				if (tt.tags[k] == Tag.WORD && !tt.cap[k] && !tt.known(k)) {
					strength = Strength.MEDIUM;
					break;
				}
			}
		}
		return new Side(start, end, strength, capitalized, typed, onlyDirections && !typed);
	}

	private static int nameEnd(TaggedText tt, int s, int to, boolean left) {
		int end = s;
		while (end < to && (tt.nameLike(end) || tt.tags[end] == Tag.TYPE || tt.tags[end] == Tag.DIR)) {
			end++;
			if (tt.tags[end - 1] == Tag.TYPE) {
				break;
			}
			if (end - s >= 3) {
				break;
			}
		}
		if (!left && end > s + 1 && tt.knownEnd[s] > 0 && tt.knownEnd[s] < end) {
			end = tt.knownEnd[s];
			if (end < to && tt.tags[end] == Tag.TYPE) {
				end++;
			}
		}
		return end;
	}

	private static Strength rateBare(TaggedText tt, int from, int to) {
		boolean cap = tt.mixedCase;
		for (int k = from; k < to; k++) {
			cap &= tt.cap[k];
		}
		return cap ? Strength.MEDIUM : Strength.WEAK;
	}

	private static boolean hasName(TaggedText tt, int from, int to) {
		if (tt.tags[from] == Tag.NUM && from + 1 < to && tt.tags[from + 1] == Tag.TYPE) {
			return true;
		}
		for (int k = from; k < to; k++) {
			if (tt.nameLike(k)) {
				for (TaggedText.Span town : tt.towns) {
					if (town.start() <= from && town.end() >= to && tt.tags[to - 1] != Tag.TYPE && !tt.known(from)) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

	/**
	 * A match's named groups; an optional group that took no part reads as -1
	 * (TokensRegex can fail on it instead).
	 */
	static final class Match {

		private final TokenSequenceMatcher matcher;

		Match(TokenSequenceMatcher matcher) {
			this.matcher = matcher;
		}

		int start(String group) {
			try {
				return this.matcher.start(group);
			}
			catch (RuntimeException ex) {
				return -1;
			}
		}

		int end(String group) {
			try {
				return this.matcher.end(group);
			}
			catch (RuntimeException ex) {
				return -1;
			}
		}

		int start() {
			return this.matcher.start();
		}

		int end() {
			return this.matcher.end();
		}

	}

	/** A street inside a match: tokens [from, to) and how street-like it is. */
	record Side(int from, int to, Strength strength, boolean capitalized, boolean typed, boolean direction) {

	}

	/** One candidate mention, before qualifier and town are attached. */
	record Candidate(LocationKind kind, int start, int end, double score, String number, String street,
			String crossStreet, String secondCrossStreet, String landmark, String poleId, String qualifier) {

	}

	/** A compiled rule with its anchor and window. */
	private record Rule(Kind kind, Tag anchor, int before, int after, TokenSequencePattern pattern) {

		boolean anchoredAt(TaggedText tt, int i, Lexicon lex) {
			return switch (this.kind) {
				case INTERSECTION_FROM_TO -> "from".equals(tt.fold[i]) || "desde".equals(tt.fold[i]);
				case LANDMARK_NAMED -> i + 1 < tt.size() && tt.cap[i + 1]
						&& Set.of("near", "by", "behind", "opposite", "outside", "at", "from", "of", "to")
							.contains(tt.fold[i]);
				case INTERSECTION_HIGHWAY -> (this.anchor == Tag.REL)
						? Set.of("onto", "to", "from").contains(tt.fold[i])
								&& (streetEnd(tt, i - 1) || tt.is(i - 1, Tag.NUM) || tt.is(i - 2, Tag.NUM))
						: tt.tags[i] == Tag.DIR && i + 2 < tt.size() && tt.tags[i + 1] == Tag.OF
								&& tt.tags[i + 2] == Tag.NUM;
				case LANDMARK_GENERIC -> lex.in("landmarkhead", tt.fold[i]) && i > 0
						&& (tt.tags[i - 1] == Tag.WORD || tt.tags[i - 1] == Tag.NOUN || tt.tags[i - 1] == Tag.ORD
								|| tt.known(i - 1) || lex.in("landmarkhead", tt.fold[i - 1]));
				case LANDMARK_HEAD_FIRST ->
					lex.in("landmarkheadfirst", tt.fold[i]) || lex.map("landmarkprefix").containsKey(tt.fold[i]);
				case INTERSECTION_RELATIVE -> tt.tags[i] == this.anchor && streetEnd(tt, i - 1)
						&& (this.anchor != Tag.DIR || (i + 1 < tt.size() && tt.tags[i + 1] == Tag.OF));
				case INTERSECTION_CONJ, INTERSECTION_MEETS ->
					tt.tags[i] == this.anchor && streetEnd(tt, i - 1) && streetStart(tt, i + 1);
				case ADDRESS -> tt.tags[i] == Tag.NUM && i + 1 < tt.size()
						&& (streetStart(tt, i + 1) || tt.tags[i + 1] == Tag.NUM || tt.tags[i + 1] == Tag.CONJ
								|| "-".equals(tt.fold[i + 1]) || ",".equals(tt.fold[i + 1])
								|| "block".equals(tt.fold[i + 1]) || "blk".equals(tt.fold[i + 1]));
				case ADDRESS_ES -> tt.tags[i] == Tag.NUM && i + 1 < tt.size() && tt.tags[i + 1] == Tag.OF;
				case ADDRESS_AFTER -> tt.tags[i] == Tag.NUM && i > 0 && tt.tags[i - 1] == Tag.TYPE;
				case INTERSECTION_OFFSET -> DISTANCE_UNIT_PATTERN.matcher(tt.fold[i]).matches()
						&& (Character.isDigit(tt.fold[i].charAt(0)) || i > 0 && (tt.tags[i - 1] == Tag.NUM
								|| lex.in("quantity", tt.fold[i - 1]) || tt.fold[i - 1].matches("\\d+([.,]\\d+)?")));
				case INTERSECTION_TURN ->
					TURN_TARGETS.contains(tt.fold[i]) && (TURN_ALONE.contains(tt.fold[i]) || turnBefore(tt, i, lex));
				case LANDMARK_APPOSITIVE -> lex.in("landmarkhead", tt.fold[i]) && i > 1 && i + 1 < tt.size()
						&& APPOSITIVE_DETERMINERS.contains(tt.fold[i - 1]) && LOCATIVES.contains(tt.fold[i - 2])
						&& tt.cap[i + 1];
				default -> tt.tags[i] == this.anchor;
			};
		}

		/** Whether a turning verb is among the few tokens before token i. */
		private static boolean turnBefore(TaggedText tt, int i, Lexicon lex) {
			for (int k = i - 1; k >= Math.max(0, i - 6); k--) {
				if (lex.in("turn", tt.fold[k])) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Whether token i can end a street ("elm", "st", "n", "5th"), looking past the
		 * fillers of "X, just south of Y".
		 */
		private static boolean streetEnd(TaggedText tt, int i) {
			int k = i;
			while (k >= 0 && k > i - 3 && FILLERS.contains(tt.fold[k])) {
				k--;
			}
			return k >= 0 && (tt.nameLike(k) || tt.tags[k] == Tag.TYPE || tt.tags[k] == Tag.DIR);
		}

		/**
		 * Whether a street can start at token i, after an article or "calle" ("the", "de
		 * la calle").
		 */
		private static boolean streetStart(TaggedText tt, int i) {
			for (int k = i; k < Math.min(tt.size(), i + 3); k++) {
				if (tt.nameLike(k) || tt.tags[k] == Tag.DIR || tt.tags[k] == Tag.PTYPE || tt.tags[k] == Tag.NUM) {
					return true;
				}
				if (!(tt.tags[k] == Tag.OF || "the".equals(tt.fold[k]) || "la".equals(tt.fold[k])
						|| "el".equals(tt.fold[k]) || "with".equals(tt.fold[k]) || "con".equals(tt.fold[k]))) {
					return false;
				}
			}
			return false;
		}

	}

	static Map<String, String> qualifiers() {
		return Lexicon.get().map("qualifier");
	}

}
