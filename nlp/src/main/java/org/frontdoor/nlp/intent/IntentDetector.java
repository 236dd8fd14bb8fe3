package org.frontdoor.nlp.intent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontdoor.nlp.text.Resources;
import org.frontdoor.nlp.text.TextCleaner;

/**
 * Finds commands in resident messages, in English and Spanish, from tables
 * ({@code keywords.tsv}, {@code fillers.txt}). A message is a command only when every
 * word is a keyword of one intent or a filler ("please", "me", "por favor"…), so "stop
 * texting me" is {@link Intent#STOP} but "stop sign knocked over on elm st" is a
 * {@link Intent#REPORT}, and "no" is {@link Intent#NO} but "no light on my street" is a
 * report. Immutable and thread-safe.
 */
public final class IntentDetector {

	/** Messages with more words than this are always reports. */
	static final int MAX_COMMAND_WORDS = 10;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private static final Set<String> WEAK_YES = Set.of("ok", "okay", "okey", "k", "kk", "ya");

	private static final Set<String> MENU_WORDS = Set.of("option", "opcion", "number", "numero", "choice", "num", "no",
			"pick", "choose", "elijo", "el", "la", "la opcion");

	private static final Map<String, String> LANG_ARGS = Map.ofEntries(Map.entry("es", "es"), Map.entry("esp", "es"),
			Map.entry("spanish", "es"), Map.entry("espanol", "es"), Map.entry("castellano", "es"),
			Map.entry("en", "en"), Map.entry("eng", "en"), Map.entry("english", "en"), Map.entry("ingles", "en"));

	private static final Set<String> LANG_FILLERS = Set.of("in", "en", "please", "por", "favor", "speak", "hablo",
			"habla", "i", "yo", "do", "you", "usted", "switch", "to", "cambiar", "a", "al");

	private static final List<Intent> PRIORITY = List.of(Intent.STOP, Intent.START, Intent.STATUS, Intent.CANCEL,
			Intent.HELP, Intent.LANG, Intent.NO, Intent.YES, Intent.THANKS);

	private static final Map<String, IntentResult.CarrierKeyword> CARRIER = Map.ofEntries(
			Map.entry("stop", IntentResult.CarrierKeyword.OPT_OUT),
			Map.entry("stopall", IntentResult.CarrierKeyword.OPT_OUT),
			Map.entry("unsubscribe", IntentResult.CarrierKeyword.OPT_OUT),
			Map.entry("cancel", IntentResult.CarrierKeyword.OPT_OUT),
			Map.entry("end", IntentResult.CarrierKeyword.OPT_OUT),
			Map.entry("quit", IntentResult.CarrierKeyword.OPT_OUT),
			Map.entry("revoke", IntentResult.CarrierKeyword.OPT_OUT),
			Map.entry("optout", IntentResult.CarrierKeyword.OPT_OUT),
			Map.entry("start", IntentResult.CarrierKeyword.OPT_IN),
			Map.entry("yes", IntentResult.CarrierKeyword.OPT_IN),
			Map.entry("unstop", IntentResult.CarrierKeyword.OPT_IN),
			Map.entry("help", IntentResult.CarrierKeyword.HELP), Map.entry("info", IntentResult.CarrierKeyword.HELP));

	private static final Map<String, String> EMOJI = Map.of("👍", " yes ", "✅", " yes ", "✔", " yes ", "👌", " ok ",
			"👎", " no ", "❌", " no ", "🙏", " thanks ", "🛑", " stop ");

	private final Map<String, Intent> phrases;

	private final int maxPhrase;

	private final Set<String> fillers;

	private IntentDetector(Map<String, Intent> phrases, Set<String> fillers) {
		this.phrases = Map.copyOf(phrases);
		this.maxPhrase = phrases.keySet().stream().mapToInt((p) -> p.split(" ").length).max().orElse(1);
		this.fillers = Set.copyOf(fillers);
	}

	private static final class Holder {

		static final IntentDetector STANDARD = load();

	}

	/**
	 * The detector with the built-in tables.
	 * @return the detector
	 */
	public static IntentDetector standard() {
		return Holder.STANDARD;
	}

	private static IntentDetector load() {
		Map<String, Intent> phrases = new HashMap<>();
		Set<String> fillers = new HashSet<>();
		read("keywords.tsv", (line) -> {
			String[] c = line.split("\t");
			phrases.put(c[1].strip(), Intent.valueOf(c[0].strip().toUpperCase(Locale.ROOT)));
		});
		read("fillers.txt", (line) -> {
			for (String w : line.split("\\s+")) {
				if (!w.isBlank()) {
					fillers.add(w);
				}
			}
		});
		return new IntentDetector(phrases, fillers);
	}

	private static void read(String resource, java.util.function.Consumer<String> consumer) {
		Resources.lines(IntentDetector.class, resource, consumer);
	}

	/**
	 * The intent of a message.
	 * @param text the message (may be empty)
	 * @return the intent; {@link Intent#REPORT} when it is not a command
	 */
	public IntentResult detect(String text) {
		String bounded = TextCleaner.bound(text).text();
		if (bounded.length() > 400) {
			return IntentResult.report();
		}
		String prepared = bounded;
		for (Map.Entry<String, String> e : EMOJI.entrySet()) {
			prepared = prepared.replace(e.getKey(), e.getValue());
		}
		String folded = TextCleaner.fold(prepared).replace("'", "").replace("’", "");
		List<String> words = new ArrayList<>();
		Matcher m = WORD.matcher(folded);
		while (m.find()) {
			words.add(m.group());
		}
		if (words.isEmpty()) {
			return folded.strip().equals("?") ? new IntentResult(Intent.HELP, null, null) : IntentResult.report();
		}
		if (words.size() > MAX_COMMAND_WORDS) {
			return IntentResult.report();
		}
		IntentResult.CarrierKeyword carrier = (words.size() == 1 && folded.strip().matches("[a-z]+"))
				? CARRIER.get(words.get(0)) : null;
		IntentResult result = classify(words);
		return new IntentResult(result.intent(), result.argument(), carrier);
	}

	private IntentResult classify(List<String> words) {
		IntentResult menu = menu(words);
		if (menu != null) {
			return menu;
		}
		IntentResult lang = language(words);
		if (lang != null) {
			return lang;
		}
		EnumSet<Intent> found = EnumSet.noneOf(Intent.class);
		List<String> leftovers = new ArrayList<>();
		boolean strongYes = false;
		int i = 0;
		while (i < words.size()) {
			int matched = 0;
			Intent intent = null;
			for (int len = Math.min(this.maxPhrase, words.size() - i); len >= 1; len--) {
				intent = this.phrases.get(String.join(" ", words.subList(i, i + len)));
				if (intent != null) {
					matched = len;
					break;
				}
			}
			if (intent == null) {
				leftovers.add(words.get(i));
				i++;
				continue;
			}
			if (intent == Intent.YES && !(matched == 1 && WEAK_YES.contains(words.get(i)))) {
				strongYes = true;
			}
			found.add(intent);
			i += matched;
		}
		if (found.isEmpty()) {
			return IntentResult.report();
		}
		String id = null;
		for (String w : leftovers) {
			if (found.contains(Intent.STATUS) && id == null && hasDigit(w)) {
				id = w;
				continue;
			}
			if (!this.fillers.contains(w)) {
				return IntentResult.report();
			}
		}
		if (found.contains(Intent.LANG)) {
			return IntentResult.report();
		}
		if (found.contains(Intent.YES) && found.contains(Intent.THANKS) && found.size() == 2) {
			return new IntentResult(strongYes ? Intent.YES : Intent.THANKS, null, null);
		}
		if (found.contains(Intent.STATUS)) {
			return new IntentResult(Intent.STATUS, id, null);
		}
		for (Intent p : PRIORITY) {
			if (found.contains(p)) {
				return new IntentResult(p, null, null);
			}
		}
		return IntentResult.report();
	}

	private static IntentResult menu(List<String> words) {
		String number = null;
		for (String w : words) {
			if (w.chars().allMatch(Character::isDigit)) {
				if (number != null || w.length() > 2) {
					return null;
				}
				number = w;
			}
			else if (!MENU_WORDS.contains(w)) {
				return null;
			}
		}
		if (number == null) {
			return null;
		}
		return new IntentResult(Intent.MENU, String.valueOf(Integer.parseInt(number)), null);
	}

	private IntentResult language(List<String> words) {
		String code = null;
		boolean keyword = false;
		for (String w : words) {
			if (w.equals("lang") || w.equals("language") || w.equals("idioma") || w.equals("lengua")) {
				keyword = true;
				continue;
			}
			String c = LANG_ARGS.get(w);
			if (c != null && (code == null || !w.equals("en"))) {
				code = (code == null || !w.equals("en")) ? c : code;
				continue;
			}
			if (!LANG_FILLERS.contains(w) && !this.fillers.contains(w)) {
				return null;
			}
		}
		if (code == null) {
			return null;
		}
		// "en" alone is a Spanish preposition, not a language switch.
		if (!keyword && words.size() == 1 && words.get(0).length() <= 3) {
			return null;
		}
		return new IntentResult(Intent.LANG, code, null);
	}

	private static boolean hasDigit(String w) {
		for (int i = 0; i < w.length(); i++) {
			if (Character.isDigit(w.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
