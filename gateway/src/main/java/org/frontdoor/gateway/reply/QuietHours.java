package org.frontdoor.gateway.reply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.frontdoor.channels.core.Channel;

/**
 * Quiet hours in the city's time zone: when a message FrontDoor sends on its own (a
 * status update, an expiry notice) would arrive at night on a channel that buzzes a
 * phone, it waits until the morning. Immutable.
 */
public final class QuietHours {

	private final LocalTime start;

	private final LocalTime end;

	private final Set<Channel> channels;

	private final ZoneId zone;

	/**
	 * Quiet hours.
	 * @param start when they begin (local time)
	 * @param end when they end (local time; before {@code start} means the next day;
	 * equal to {@code start} means no quiet hours)
	 * @param channels the channels they apply to
	 * @param zone the city's time zone
	 */
	public QuietHours(LocalTime start, LocalTime end, Set<Channel> channels, ZoneId zone) {
		this.start = start;
		this.end = end;
		this.channels = Set.copyOf(channels);
		this.zone = zone;
	}

	/**
	 * Quiet hours from configuration.
	 * @param properties the relay configuration
	 * @param zone the city's time zone
	 * @return the quiet hours
	 */
	public static QuietHours of(RelayProperties.QuietHours properties, ZoneId zone) {
		return new QuietHours(properties.start(), properties.end(), properties.channels(), zone);
	}

	/**
	 * When a message on a channel may be sent, if not now.
	 * @param channel the channel
	 * @param now the current time
	 * @return the end of the current quiet hours, or {@code null} to send now
	 */
	public Instant notBefore(Channel channel, Instant now) {
		if (!this.channels.contains(channel) || this.start.equals(this.end)) {
			return null;
		}
		ZonedDateTime local = now.atZone(this.zone);
		LocalTime time = local.toLocalTime();
		LocalDate today = local.toLocalDate();
		if (this.start.isBefore(this.end)) {
			boolean quiet = !time.isBefore(this.start) && time.isBefore(this.end);
			return quiet ? at(today) : null;
		}
		if (!time.isBefore(this.start)) {
			return at(today.plusDays(1));
		}
		if (time.isBefore(this.end)) {
			return at(today);
		}
		return null;
	}

	private Instant at(LocalDate date) {
		return ZonedDateTime.of(date, this.end, this.zone).toInstant();
	}

}
