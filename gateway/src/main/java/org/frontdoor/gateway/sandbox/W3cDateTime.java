package org.frontdoor.gateway.sandbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and writes the W3C profile of ISO 8601 that GeoReport v2 uses for every date/time
 * ({@code 2010-01-01T00:00:00Z}, {@code 1994-11-05T08:15:30-05:00}).
 * <p>
 * Writing always gives whole seconds with the offset of the city's time zone. Reading
 * accepts a date ({@code 2026-11-21}, the start of that day), a date and time with or
 * without seconds and fraction, with {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or
 * {@code ±HH}, or without an offset (then in the city's time zone), and a space instead
 * of the {@code T}.
 */
final class W3cDateTime {

	private static final DateTimeFormatter READ = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral('T')
		.append(DateTimeFormatter.ISO_LOCAL_TIME)
		.optionalStart()
		.appendOffset("+HH:MM:ss", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHmm", "Z")
		.optionalEnd()
		.optionalEnd()
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final Pattern SPACE_SEPARATOR = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");

	/** A {@code +} in a query string arrives as a space: {@code …08:00:00 05:00}. */
	private static final Pattern DECODED_PLUS_OFFSET = Pattern.compile(" (\\d{2}(:?\\d{2})?)$");

	private W3cDateTime() {
	}

	/**
	 * Read a date/time.
	 * @param text what a client sent
	 * @param zone the zone of values without an offset
	 * @return the instant with its offset, or empty when it is not a W3C/ISO 8601 date or
	 * date/time
	 */
	static Optional<OffsetDateTime> parse(String text, ZoneId zone) {
		if (text == null || text.isBlank() || text.length() > 64) {
			return Optional.empty();
		}
		String value = SPACE_SEPARATOR.matcher(text.trim()).replaceFirst("$1T$2");
		if (value.indexOf('T') > 0) {
			value = DECODED_PLUS_OFFSET.matcher(value).replaceFirst("+$1");
		}
		try {
			TemporalAccessor parsed = READ.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
			return Optional.of(switch (parsed) {
				case OffsetDateTime offset -> offset;
				case LocalDateTime local -> ZonedDateTime.of(local, zone).toOffsetDateTime();
				case LocalDate date -> date.atStartOfDay(zone).toOffsetDateTime();
				default -> throw new DateTimeParseException("unexpected", value, 0);
			});
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Write an instant in the city's zone, whole seconds.
	 * @param value the instant, or {@code null}
	 * @param zone the city's time zone
	 * @return e.g. {@code 2026-11-21T08:15:30-05:00}, or {@code null}
	 */
	static String format(OffsetDateTime value, ZoneId zone) {
		if (value == null) {
			return null;
		}
		return WRITE.format(value.atZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS));
	}

}
