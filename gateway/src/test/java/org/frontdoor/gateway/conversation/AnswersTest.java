package org.frontdoor.gateway.conversation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How residents' answers are read, as tables: numbers, dates and times (English and
 * Spanish order, city time zone), list choices.
 */
class AnswersTest {

	/** Saturday 14 March 2026, 12:00 in Cambridge (EDT). */
	static final Instant NOW = Instant.parse("2026-03-14T16:00:00Z");

	static final ZoneId CITY = ZoneId.of("America/New_York");

	static final List<Answers.Option> STREAMS = List.of(new Answers.Option("trash", "Trash"),
			new Answers.Option("recycling", "Recycling"), new Answers.Option("compost", "Compost"),
			new Answers.Option("yard", "Yard waste"));

	static final List<Answers.Option> YES_NO = List.of(new Answers.Option("yes", "Yes"),
			new Answers.Option("no", "No"));

	@ParameterizedTest(name = "number \"{0}\" → {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			3                      | 3
			about 3 days           | 3
			2.5                    | 2.5
			"2,5"                  | 2.5
			three                  | 3
			tres dias              | 3
			a week                 | 7
			two weeks              | 14
			un mes                 | 30
			a while                | -
			no idea                | -
			""")
	void numbers(String text, String expected) {
		assertThat(Answers.number(text).orElse(null)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{1}] \"{0}\" → {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			3/14 4:30pm            | en | 2026-03-14T16:30:00-04:00
			3/13 4:30pm            | en | 2026-03-13T16:30:00-04:00
			13/3 16:30             | es | 2026-03-13T16:30:00-04:00
			3/10/2026 9am          | en | 2026-03-10T09:00:00-04:00
			yesterday 8pm          | en | 2026-03-13T20:00:00-04:00
			ayer a las 8pm         | es | 2026-03-13T20:00:00-04:00
			today 9:15 am          | en | 2026-03-14T09:15:00-04:00
			10am                   | en | 2026-03-14T10:00:00-04:00
			11pm                   | en | 2026-03-13T23:00:00-04:00
			now                    | en | 2026-03-14T12:00:00-04:00
			ahora                  | es | 2026-03-14T12:00:00-04:00
			last night             | en | 2026-03-13T21:00:00-04:00
			2026-03-01T07:00       | en | 2026-03-01T07:00:00-05:00
			12/25                  | en | 2025-12-25T12:00:00-05:00
			13/45                  | en | -
			25:00                  | en | -
			whenever               | en | -
			""")
	void datesAndTimes(String text, String language, String expected) {
		assertThat(Answers.dateTime(text, CITY, Locale.forLanguageTag(language), NOW).orElse(null)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "choice \"{0}\" → {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			2                      | recycling
			option 3               | compost
			yard waste             | yard
			Compost                | compost
			the recycling bin      | recycling
			5                      | -
			trash and recycling    | -
			something else         | -
			""")
	void oneChoice(String text, String expected) {
		assertThat(Answers.choice(text, STREAMS, STREAMS).orElse(null)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "yes/no \"{0}\" → {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			yes   | yes
			si    | yes
			sí    | yes
			nope  | no
			1     | yes
			maybe | -
			""")
	void yesNoLists(String text, String expected) {
		assertThat(Answers.choice(text, YES_NO, YES_NO).orElse(null)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "choices \"{0}\" → {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			1 3                    | trash compost
			"1, 3 and 4"           | trash compost yard
			3 1                    | trash compost
			2 y 4                  | recycling yard
			trash and recycling    | trash recycling
			1 7                    | -
			none of them           | -
			""")
	void severalChoices(String text, String expected) {
		List<String> keys = Answers.choices(text, STREAMS).orElse(null);
		assertThat((keys != null) ? String.join(" ", keys) : null).isEqualTo(expected);
	}

}
