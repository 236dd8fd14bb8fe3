package org.frontdoor.gateway.conversation;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads residents' answers to attribute questions: numbers ("3", "about 3 days", "three",
 * "tres"), dates and times ("3/14 4:30pm", "14/3 16:30" in Spanish, "today 3pm", "ayer
 * 8am", "now", ISO 8601) in the city's time zone, and choices from a list (a number,
 * several numbers "1 3", "1, 3 and 4", or the option's words). Every method returns empty
 * for an answer it cannot read, never throws.
 */
public final class Answers {

	private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])-?\\d+(?:[.,]\\d+)?(?![\\p{L}\\d])");

	private static final Pattern INTEGER = Pattern.compile("\\d+");

	private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
			Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
			Map.entry("thirty", 30), Map.entry("a", 1), Map.entry("an", 1), Map.entry("cero", 0), Map.entry("uno", 1),
			Map.entry("una", 1), Map.entry("un", 1), Map.entry("dos", 2), Map.entry("tres", 3), Map.entry("cuatro", 4),
			Map.entry("cinco", 5), Map.entry("seis", 6), Map.entry("siete", 7), Map.entry("ocho", 8),
			Map.entry("nueve", 9), Map.entry("diez", 10), Map.entry("once", 11), Map.entry("doce", 12),
			Map.entry("quince", 15), Map.entry("veinte", 20), Map.entry("treinta", 30));

	private static final Map<String, Integer> UNIT_WORDS = Map.ofEntries(Map.entry("week", 7), Map.entry("weeks", 7),
			Map.entry("semana", 7), Map.entry("semanas", 7), Map.entry("month", 30), Map.entry("months", 30),
			Map.entry("mes", 30), Map.entry("meses", 30));

	private static final Pattern TIME = Pattern
		.compile("(?<![\\d/])(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?|h)?(?![\\d/])");

	private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{2,4}))?(?!\\d)");

	private static final Map<String, Integer> RELATIVE_DAYS = Map.of("today", 0, "hoy", 0, "tonight", 0, "yesterday",
			-1, "ayer", -1, "anoche", -1, "last night", -1, "anteayer", -2);

	private static final Set<String> NOW = Set.of("now", "right now", "ahora", "ahorita", "ahora mismo", "just now");

	private static final Set<String> YES = Set.of("yes", "y", "si", "yeah", "yep", "sure", "correct", "claro");

	private static final Set<String> NO = Set.of("no", "n", "nope", "nah");

	private Answers() {
	}

	/**
	 * A number: the first number written, or a number word ("three days", "tres"), "a
	 * week" as 7 days.
	 * @param text the answer
	 * @return the number as written for Open311 ({@code 3}, {@code 2.5}), or empty
	 */
	public static Optional<String> number(String text) {
		String folded = fold(text);
		Matcher m = NUMBER.matcher(folded);
		if (m.find()) {
			try {
				return Optional.of(new BigDecimal(m.group().replace(',', '.')).stripTrailingZeros().toPlainString());
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		String[] words = folded.split("[^\\p{L}]+");
		for (int i = 0; i < words.length; i++) {
			Integer value = NUMBER_WORDS.get(words[i]);
			if (value != null && !(value == 1 && words[i].length() <= 2
					&& (i + 1 >= words.length || !UNIT_WORDS.containsKey(words[i + 1])))) {
				int times = (i + 1 < words.length) ? UNIT_WORDS.getOrDefault(words[i + 1], 1) : 1;
				return Optional.of(String.valueOf(value * times));
			}
		}
		return Optional.empty();
	}

	/**
	 * A date and time in the city's zone. Dates are month/day in English and day/month in
	 * Spanish; a date without a year is the latest such date not in the future; a time
	 * without a date is today (yesterday if that is still to come).
	 * @param text the answer
	 * @param zone the city's time zone
	 * @param locale the resident's language (date order)
	 * @param now the current time
	 * @return ISO 8601 with the city's offset ({@code 2026-03-14T16:30:00-04:00}), or
	 * empty
	 */
	public static Optional<String> dateTime(String text, ZoneId zone, Locale locale, java.time.Instant now) {
		String raw = (text != null) ? text.strip() : "";
		if (raw.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> iso = iso(raw, zone);
		if (iso.isPresent()) {
			return iso;
		}
		String folded = fold(raw);
		ZonedDateTime current = now.atZone(zone).withNano(0);
		if (NOW.contains(folded.replaceAll("[^\\p{L} ]", "").strip())) {
			return Optional.of(format(current.withSecond(0)));
		}
		LocalDate date = null;
		String rest = folded;
		Matcher d = DATE.matcher(folded);
		if (d.find()) {
			boolean dayFirst = "es".equals(locale.getLanguage());
			int first = Integer.parseInt(d.group(1));
			int second = Integer.parseInt(d.group(2));
			int month = dayFirst ? second : first;
			int day = dayFirst ? first : second;
			try {
				if (d.group(3) != null) {
					int year = Integer.parseInt(d.group(3));
					date = LocalDate.of((year < 100) ? 2000 + year : year, month, day);
				}
				else {
					date = LocalDate.of(current.getYear(), month, day);
					if (date.isAfter(current.toLocalDate())) {
						date = date.minusYears(1);
					}
				}
			}
			catch (DateTimeException ex) {
				return Optional.empty();
			}
			rest = folded.substring(0, d.start()) + " " + folded.substring(d.end());
		}
		else {
			for (Map.Entry<String, Integer> relative : RELATIVE_DAYS.entrySet()) {
				if (Pattern.compile("\\b" + relative.getKey() + "\\b").matcher(folded).find()) {
					date = current.toLocalDate().plusDays(relative.getValue());
					rest = folded.replaceAll("\\b" + relative.getKey() + "\\b", " ");
					break;
				}
			}
		}
		LocalTime time = time(rest).orElse(null);
		if (date == null && time == null) {
			return Optional.empty();
		}
		if (date == null) {
			date = current.toLocalDate();
			if (LocalDateTime.of(date, time).atZone(zone).isAfter(current)) {
				date = date.minusDays(1);
			}
		}
		if (time == null) {
			time = folded.contains("night") || folded.contains("noche") ? LocalTime.of(21, 0) : LocalTime.NOON;
		}
		return Optional.of(format(ZonedDateTime.of(date, time, zone)));
	}

	private static Optional<LocalTime> time(String text) {
		Matcher m = TIME.matcher(text);
		while (m.find()) {
			int hour = Integer.parseInt(m.group(1));
			int minute = (m.group(2) != null) ? Integer.parseInt(m.group(2)) : 0;
			String suffix = (m.group(3) != null) ? m.group(3).replaceAll("[^aph]", "") : "";
			if (m.group(2) == null && suffix.isEmpty()) {
				continue;
			}
			if (suffix.startsWith("p") && hour < 12) {
				hour += 12;
			}
			else if (suffix.startsWith("a") && hour == 12) {
				hour = 0;
			}
			if (hour > 23 || minute > 59) {
				return Optional.empty();
			}
			return Optional.of(LocalTime.of(hour, minute));
		}
		if (text.contains("noon") || text.contains("mediodia")) {
			return Optional.of(LocalTime.NOON);
		}
		if (text.contains("morning") || text.contains("manana")) {
			return Optional.of(LocalTime.of(9, 0));
		}
		return Optional.empty();
	}

	private static Optional<String> iso(String raw, ZoneId zone) {
		try {
			return Optional.of(format(OffsetDateTime.parse(raw).atZoneSameInstant(zone)));
		}
		catch (DateTimeParseException ex) {
			// not an ISO date-time with offset
		}
		try {
			return Optional.of(format(LocalDateTime.parse(raw.replace(' ', 'T')).atZone(zone)));
		}
		catch (DateTimeParseException ex) {
			// not an ISO local date-time
		}
		try {
			return Optional.of(format(LocalDate.parse(raw).atTime(LocalTime.NOON).atZone(zone)));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static String format(ZonedDateTime value) {
		return value.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/**
	 * One choice from a list of options.
	 * @param text the answer
	 * @param numbered the options shown with numbers 1..n, as (key, name) pairs
	 * @param all every option (a resident may name one not on the page shown)
	 * @return the chosen option's key, or empty
	 */
	public static Optional<String> choice(String text, List<Option> numbered, List<Option> all) {
		String folded = fold(text);
		Matcher m = INTEGER.matcher(folded);
		List<String> numbers = new ArrayList<>();
		while (m.find()) {
			numbers.add(m.group());
		}
		if (numbers.size() == 1 && folded.replaceAll("[^\\p{L}]", "").length() <= 12) {
			int n = Integer.parseInt(numbers.get(0));
			return (n >= 1 && n <= numbered.size()) ? Optional.of(numbered.get(n - 1).key()) : Optional.empty();
		}
		return byName(folded, all);
	}

	/**
	 * Several choices from a list ("1 3", "1, 3 and 4", "trash and recycling").
	 * @param text the answer
	 * @param numbered the options shown with numbers 1..n
	 * @return the chosen keys in the options' order, or empty when any number is not an
	 * option or nothing was chosen
	 */
	public static Optional<List<String>> choices(String text, List<Option> numbered) {
		String folded = fold(text);
		String withoutNumbers = folded.replaceAll("\\d+", " ").replaceAll("\\b(and|y|e|et|&)\\b", " ");
		Set<Integer> picked = new LinkedHashSet<>();
		Matcher m = INTEGER.matcher(folded);
		while (m.find()) {
			int n = Integer.parseInt(m.group());
			if (n < 1 || n > numbered.size()) {
				return Optional.empty();
			}
			picked.add(n);
		}
		if (!picked.isEmpty() && withoutNumbers.replaceAll("[^\\p{L}]", "").length() <= 12) {
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < numbered.size(); i++) {
				if (picked.contains(i + 1)) {
					keys.add(numbered.get(i).key());
				}
			}
			return Optional.of(keys);
		}
		List<String> keys = new ArrayList<>();
		for (Option option : numbered) {
			if (mentions(folded, option)) {
				keys.add(option.key());
			}
		}
		return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
	}

	private static Optional<String> byName(String folded, List<Option> all) {
		String plain = folded.replaceAll("[^\\p{L}\\d ]", " ").replaceAll("\\s+", " ").strip();
		for (Option option : all) {
			if (plain.equals(fold(option.name())) || plain.equals(fold(option.key()))) {
				return Optional.of(option.key());
			}
		}
		boolean yes = YES.contains(plain);
		boolean no = NO.contains(plain);
		for (Option option : all) {
			String key = fold(option.key());
			if ((yes && YES.contains(key)) || (no && NO.contains(key))) {
				return Optional.of(option.key());
			}
		}
		List<Option> mentioned = all.stream().filter((option) -> mentions(plain, option)).toList();
		return (mentioned.size() == 1) ? Optional.of(mentioned.get(0).key()) : Optional.empty();
	}

	private static boolean mentions(String folded, Option option) {
		String key = fold(option.key());
		String name = fold(option.name());
		return (key.length() >= 3 && containsWord(folded, key)) || (name.length() >= 3 && containsWord(folded, name));
	}

	private static boolean containsWord(String text, String word) {
		return Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(word) + "(?![\\p{L}\\d])").matcher(text).find();
	}

	/**
	 * Lower case, without accents, trimmed.
	 * @param text any text
	 * @return the folded text ({@code ""} for {@code null})
	 */
	static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return decomposed.toLowerCase(Locale.ROOT).strip();
	}

	/**
	 * One option of a list attribute.
	 *
	 * @param key what is sent to the backend
	 * @param name what the resident reads
	 */
	public record Option(String key, String name) {

	}

}
