package org.frontdoor.channels.email.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff for the IMAP listener: after a connection failure or a failure to
 * persist, the next attempt waits {@code initial}, then twice as long each time, up to
 * {@code max}; a successful connection or store resets it. Thread-safe.
 */
public final class ReconnectBackoff {

	private final Duration initial;

	private final Duration max;

	private final Clock clock;

	private Duration next;

	private Instant pausedUntil = Instant.MIN;

	private int failures;

	/**
	 * Create a backoff.
	 * @param initial the first delay
	 * @param max the longest delay
	 * @param clock the clock
	 */
	public ReconnectBackoff(Duration initial, Duration max, Clock clock) {
		this.initial = initial;
		this.max = max.compareTo(initial) < 0 ? initial : max;
		this.clock = clock;
		this.next = initial;
	}

	/**
	 * Record a failure and return how long to wait before the next attempt.
	 * @return the delay
	 */
	public synchronized Duration failure() {
		Duration delay = this.next;
		this.failures++;
		Duration doubled = this.next.multipliedBy(2);
		this.next = doubled.compareTo(this.max) > 0 ? this.max : doubled;
		this.pausedUntil = this.clock.instant().plus(delay);
		return delay;
	}

	/** Record a success: the next failure waits the initial delay again. */
	public synchronized void success() {
		this.next = this.initial;
		this.failures = 0;
		this.pausedUntil = Instant.MIN;
	}

	/**
	 * How long until the pause after the last failure ends.
	 * @return the remaining pause, zero when none
	 */
	public synchronized Duration remainingPause() {
		Duration remaining = Duration.between(this.clock.instant(), this.pausedUntil);
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	/**
	 * Consecutive failures so far.
	 * @return the count
	 */
	public synchronized int failures() {
		return this.failures;
	}

}
