package org.frontdoor.gateway.conversation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.gateway.reply.QuietHours;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours (21:00–08:00 Cambridge time by default) as a table: when a message
 * FrontDoor sends on its own may leave, across midnight and the daylight-saving change.
 */
class QuietHoursTest {

	static final ZoneId CITY = ZoneId.of("America/New_York");

	static final QuietHours NIGHTS = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0),
			Set.of(Channel.SMS, Channel.WHATSAPP), CITY);

	@ParameterizedTest(name = "{1} at {0} → {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			2026-06-10T12:00:00-04:00 | SMS      | -
			2026-06-10T20:59:59-04:00 | SMS      | -
			2026-06-10T21:00:00-04:00 | SMS      | 2026-06-11T12:00:00Z
			2026-06-10T23:30:00-04:00 | WHATSAPP | 2026-06-11T12:00:00Z
			2026-06-11T03:00:00-04:00 | SMS      | 2026-06-11T12:00:00Z
			2026-06-11T08:00:00-04:00 | SMS      | -
			2026-06-10T23:30:00-04:00 | EMAIL    | -
			2026-06-10T23:30:00-04:00 | CHAT     | -
			2026-03-07T22:00:00-05:00 | SMS      | 2026-03-08T12:00:00Z
			2026-11-01T01:30:00-04:00 | SMS      | 2026-11-01T13:00:00Z
			""")
	void holdsNightMessagesUntilMorning(String at, Channel channel, String expected) {
		Instant now = java.time.OffsetDateTime.parse(at).toInstant();
		Instant notBefore = NIGHTS.notBefore(channel, now);
		assertThat((notBefore != null) ? notBefore.toString() : null).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}–{1} at {2} → {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			01:00 | 06:00 | 2026-06-10T02:00:00-04:00 | 2026-06-10T10:00:00Z
			01:00 | 06:00 | 2026-06-10T07:00:00-04:00 | -
			22:00 | 22:00 | 2026-06-10T23:00:00-04:00 | -
			""")
	void otherWindows(LocalTime start, LocalTime end, String at, String expected) {
		QuietHours hours = new QuietHours(start, end, Set.of(Channel.SMS), CITY);
		Instant notBefore = hours.notBefore(Channel.SMS, java.time.OffsetDateTime.parse(at).toInstant());
		assertThat((notBefore != null) ? notBefore.toString() : null).isEqualTo(expected);
	}

}
