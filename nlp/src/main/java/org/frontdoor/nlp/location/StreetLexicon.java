package org.frontdoor.nlp.location;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of street addresses in English and Spanish: street types ("st", "avenue",
 * "calle"), directions, ordinals and common name abbreviations ("mt", "mass"), and the
 * normalization that both the extractor and the geocoders use to compare names. Tables,
 * not conditionals: a city with other words adds rows here.
 */
public final class StreetLexicon {

	/** Written street-type word → canonical abbreviation (USPS style, lower case). */
	private static final Map<String, String> TYPES = table("st:st street str stret strt streets sts",
			"ave:ave avenue av avn aven avenu avnue aves avenues", "rd:rd road rds roads", "dr:dr drive drv",
			"blvd:blvd boulevard boulv blv", "ln:ln lane", "ct:ct court crt", "pl:pl place", "ter:ter terrace terr",
			"pkwy:pkwy parkway pky pkway prkwy", "hwy:hwy highway hiway", "cir:cir circle", "sq:sq square sqr",
			"way:way wy", "tpk:tpk tpke turnpike", "aly:aly alley", "row:row", "mews:mews", "ext:ext extension",
			"trl:trl trail", "path:path", "walk:walk", "plz:plz plaza", "cres:cres crescent", "loop:loop", "pike:pike",
			"expy:expy expressway", "fwy:fwy freeway", "xing:xing crossing", "lndg:lndg landing", "grn:grn",
			"hts:hts heights", "pk:pk");

	/**
	 * Spanish (and Portuguese) type words written before the name ("calle elm", "avenida
	 * massachusetts"); {@code *} means "any type".
	 */
	private static final Map<String, String> PREFIX_TYPES = table("*:calle c rua", "ave:avenida avda",
			"blvd:bulevar boulevard", "rd:camino", "hwy:carretera autopista", "sq:plaza", "pkwy:paseo");

	/** Directions, English and Spanish. */
	private static final Map<String, String> DIRECTIONS = table("n:n north norte", "s:s south sur", "e:e east",
			"w:w west oeste", "ne:ne northeast noreste", "nw:nw northwest noroeste", "se:se southeast sureste",
			"sw:sw southwest suroeste");

	/** Ordinal words → "1st" form. */
	private static final Map<String, String> ORDINALS = table("1st:first primera primero 1st 1ra 1ro",
			"2nd:second segunda segundo 2nd 2da", "3rd:third tercera tercero 3rd 3ra", "4th:fourth cuarta 4th",
			"5th:fifth quinta 5th", "6th:sixth sexta 6th", "7th:seventh septima 7th", "8th:eighth octava 8th",
			"9th:ninth novena 9th", "10th:tenth decima 10th", "11th:eleventh 11th", "12th:twelfth 12th",
			"13th:thirteenth 13th", "14th:fourteenth 14th", "15th:fifteenth 15th", "16th:sixteenth 16th",
			"17th:seventeenth 17th", "18th:eighteenth 18th", "19th:nineteenth 19th", "20th:twentieth 20th");

	/** Name-word abbreviations expanded inside street names. */
	private static final Map<String, String> NAME_WORDS = table("mount:mt mnt mount", "fort:ft fort",
			"monsignor:msgr msr monsignor", "corporal:cpl corp corporal", "saint:saint", "center:center centre",
			"doctor:doctor", "professor:prof professor", "general:gen general", "john f kennedy:jfk",
			"martin luther king:mlk", "massachusetts:massachusetts");

	private static final Set<String> POSSIBLE_ORDINAL = Set.of("st", "nd", "rd", "th");

	private static final Pattern ORDINAL_NUMBER = Pattern.compile("\\d{1,3}(st|nd|rd|th)");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private StreetLexicon() {
	}

	private static Map<String, String> table(String... rows) {
		Map<String, String> map = new HashMap<>();
		for (String row : rows) {
			int colon = row.indexOf(':');
			String canonical = row.substring(0, colon);
			for (String variant : row.substring(colon + 1).split(" ")) {
				map.put(variant, canonical);
			}
		}
		return Map.copyOf(map);
	}

	/**
	 * The canonical street type for a written word ("Avenue" → "ave"), or {@code null}.
	 * @param word a word, any case, trailing dot allowed
	 * @return the canonical type or {@code null}
	 */
	public static String type(String word) {
		return TYPES.get(clean(word));
	}

	/**
	 * The canonical type for a Spanish type word written before the name ("calle" → "*",
	 * "avenida" → "ave"), or {@code null}.
	 * @param word a word
	 * @return the canonical type, {@code "*"} for any, or {@code null}
	 */
	public static String prefixType(String word) {
		return PREFIX_TYPES.get(clean(word));
	}

	/**
	 * The canonical direction ("North" → "n"), or {@code null}.
	 * @param word a word
	 * @return the direction or {@code null}
	 */
	public static String direction(String word) {
		return DIRECTIONS.get(clean(word));
	}

	/**
	 * The canonical ordinal ("sixth" → "6th", "6TH" → "6th"), or {@code null}.
	 * @param word a word
	 * @return the ordinal or {@code null}
	 */
	public static String ordinal(String word) {
		String w = clean(word);
		String o = ORDINALS.get(w);
		if (o != null) {
			return o;
		}
		return ORDINAL_NUMBER.matcher(w).matches() ? w : null;
	}

	/**
	 * Lower case, accents and apostrophes removed, other punctuation turned into spaces,
	 * "&" turned into "and".
	 * @param text any text
	 * @return the folded text, single-spaced and trimmed
	 */
	public static String fold(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String s = text;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) > 127) {
				s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
				break;
			}
		}
		StringBuilder sb = new StringBuilder(s.length() + 8);
		boolean space = true;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\'' || c == '’' || c == '`' || c == '´' || c == '.') {
				continue;
			}
			if (c == '&') {
				if (!space) {
					sb.append(' ');
				}
				sb.append("and ");
				space = true;
				continue;
			}
			if (Character.isLetterOrDigit(c)) {
				sb.append(Character.toLowerCase(c));
				space = false;
			}
			else if (!space) {
				sb.append(' ');
				space = true;
			}
		}
		int end = sb.length();
		while (end > 0 && sb.charAt(end - 1) == ' ') {
			end--;
		}
		sb.setLength(end);
		return sb.toString();
	}

	/**
	 * The folded words of a text.
	 * @param text any text
	 * @return its words
	 */
	public static List<String> words(String text) {
		String f = fold(text);
		return f.isEmpty() ? List.of() : List.of(f.split(" "));
	}

	private static String clean(String word) {
		if (word == null) {
			return "";
		}
		String w = word.toLowerCase(Locale.ROOT);
		while (w.endsWith(".") || w.endsWith(",")) {
			w = w.substring(0, w.length() - 1);
		}
		return w;
	}

	/**
	 * Parses a written street ("Mass Ave", "N Harvard St", "calle windsor", "mt auburn")
	 * into its canonical parts.
	 * @param written the street as written
	 * @return the parsed name (base may be empty when nothing usable was written)
	 */
	public static StreetName parse(String written) {
		List<String> w = new ArrayList<>(words(written));
		String type = null;
		String dir = null;
		if (w.size() > 1 && PREFIX_TYPES.containsKey(w.get(0))) {
			String t = PREFIX_TYPES.get(w.remove(0));
			type = "*".equals(t) ? null : t;
			if (w.size() > 1 && ("de".equals(w.get(0)) || "del".equals(w.get(0)))) {
				w.remove(0);
			}
		}
		// a trailing direction after the type ("3rd st n", "elm st n")
		if (w.size() > 2 && DIRECTIONS.containsKey(w.get(w.size() - 1)) && TYPES.containsKey(w.get(w.size() - 2))) {
			dir = DIRECTIONS.get(w.remove(w.size() - 1));
		}
		if (w.size() > 1 && TYPES.containsKey(w.get(w.size() - 1))) {
			type = TYPES.get(w.remove(w.size() - 1));
		}
		if (w.size() > 1 && DIRECTIONS.containsKey(w.get(0)) && dir == null) {
			dir = DIRECTIONS.get(w.remove(0));
		}
		if (w.size() > 1 && DIRECTIONS.containsKey(w.get(w.size() - 1)) && dir == null) {
			dir = DIRECTIONS.get(w.remove(w.size() - 1));
		}
		List<String> base = new ArrayList<>(w.size());
		for (int i = 0; i < w.size(); i++) {
			base.add(nameWord(w.get(i), i, w.size()));
		}
		if (base.size() == 1 && "mass".equals(base.get(0)) && (type == null || "ave".equals(type))) {
			base.set(0, "massachusetts");
		}
		return new StreetName(String.join(" ", base), type, dir);
	}

	/**
	 * Canonical form of one word of a street's name.
	 * @param word the folded word
	 * @param index its position in the name
	 * @param size the number of words in the name
	 * @return the canonical word
	 */
	static String nameWord(String word, int index, int size) {
		String o = ordinal(word);
		if (o != null) {
			return o;
		}
		if (index == 0 && size > 1 && "st".equals(word)) {
			return "saint";
		}
		if (index == 0 && size > 1 && "dr".equals(word)) {
			return "doctor";
		}
		String n = NAME_WORDS.get(word);
		return n != null ? n : word;
	}

	/**
	 * Whether a word could be an ordinal's suffix glued wrongly ("5 th").
	 * @param word a folded word
	 * @return whether it is st/nd/rd/th
	 */
	static boolean ordinalSuffix(String word) {
		return POSSIBLE_ORDINAL.contains(word);
	}

	/**
	 * A parsed street name.
	 *
	 * @param base the canonical name without type or direction ("massachusetts", "mount
	 * auburn", "6th")
	 * @param type the canonical type ("ave") or {@code null} when not written
	 * @param direction the canonical direction ("n") or {@code null}
	 */
	public record StreetName(String base, String type, String direction) {

		/**
		 * The canonical text, e.g. {@code "n massachusetts ave"}.
		 * @return the key
		 */
		public String key() {
			StringBuilder sb = new StringBuilder();
			if (direction != null) {
				sb.append(direction).append(' ');
			}
			sb.append(base);
			if (type != null) {
				sb.append(' ').append(type);
			}
			return sb.toString();
		}

	}

}
