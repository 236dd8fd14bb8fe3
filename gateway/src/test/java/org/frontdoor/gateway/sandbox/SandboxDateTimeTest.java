package org.frontdoor.gateway.sandbox;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The W3C/ISO 8601 date/times of GeoReport v2: what the sandbox reads (attribute values,
 * query filters) and how it writes {@code *_datetime}.
 */
class SandboxDateTimeTest {

	private static final ZoneId BOSTON = ZoneId.of("America/New_York");

	static Stream<Arguments> accepted() {
		return Stream.of(arguments("2010-01-01T00:00:00Z", "2010-01-01T00:00Z"),
				arguments("1994-11-05T08:15:30-05:00", "1994-11-05T08:15:30-05:00"),
				arguments("1994-11-05T08:15:30.250-0500", "1994-11-05T08:15:30.250-05:00"),
				arguments("1994-11-05T08:15-05", "1994-11-05T08:15-05:00"),
				arguments("2026-11-21", "2026-11-21T00:00-05:00"),
				arguments("2026-07-04T09:30", "2026-07-04T09:30-04:00"),
				arguments("2026-11-21 08:00", "2026-11-21T08:00-05:00"),
				arguments("2026-11-21T08:00:00 05:00", "2026-11-21T08:00+05:00"),
				arguments(" 2026-11-21T08:00:00z ", "2026-11-21T08:00Z"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("accepted")
	void readsW3cDateTimes(String text, String expected) {
		assertThat(W3cDateTime.parse(text, BOSTON)).contains(OffsetDateTime.parse(expected));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "yesterday", "2026-13-01", "2026-02-30T00:00:00Z", "21/11/2026", "08:00",
			"2026-11-21T25:00:00Z", "2026-11-21T08:00:00+25:00", "1700000000" })
	void refusesTheRest(String text) {
		assertThat(W3cDateTime.parse(text, BOSTON)).isEmpty();
	}

	@Test
	void writesWholeSecondsInTheCityZone() {
		OffsetDateTime instant = OffsetDateTime.parse("2026-11-21T13:15:30.987654Z");
		assertThat(W3cDateTime.format(instant, BOSTON)).isEqualTo("2026-11-21T08:15:30-05:00");
		assertThat(W3cDateTime.format(OffsetDateTime.parse("2026-07-01T12:00:00Z"), BOSTON))
			.isEqualTo("2026-07-01T08:00:00-04:00");
		assertThat(W3cDateTime.format(instant, ZoneId.of("UTC"))).isEqualTo("2026-11-21T13:15:30Z");
		assertThat(W3cDateTime.format(null, BOSTON)).isNull();
	}

}
