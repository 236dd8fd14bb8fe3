package org.frontdoor.gateway.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock moved by an offset the test sets, never behind real time (the
 * database's {@code now()} keeps running, and rows it stamps must not look like the
 * future).
 */
public final class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	@Override
	public ZoneId getZone() {
		return ZoneId.of("UTC");
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset.get());
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

	/**
	 * Jump forward to the next time the city's clock shows a local time (the clock never
	 * goes back, so rows stamped earlier never look like the future).
	 * @param time the local time
	 * @param zone the city's zone
	 */
	public void nextLocal(LocalTime time, ZoneId zone) {
		Instant current = instant();
		ZonedDateTime target = current.atZone(zone).with(time);
		if (!target.toInstant().isAfter(current)) {
			target = target.plusDays(1);
		}
		this.offset.set(Duration.between(Instant.now(), target.toInstant()));
	}

	/**
	 * Move forward.
	 * @param by how far
	 */
	public void advance(Duration by) {
		this.offset.updateAndGet((current) -> current.plus(by));
	}

}
