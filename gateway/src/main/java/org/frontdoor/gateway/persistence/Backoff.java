package org.frontdoor.gateway.persistence;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after attempt {@code n} wait a random time between
 * half and all of {@code min(max, initial × 2^(n-1))}, and never less than what the
 * remote side asked for ({@code Retry-After}).
 *
 * @param initial the base delay after the first failed attempt
 * @param max the cap
 */
public record Backoff(Duration initial, Duration max) {

	/**
	 * The delay before the next attempt.
	 * @param attempts attempts made so far (1 after the first failure)
	 * @param retryAfter what the remote side asked for, or {@code null}
	 * @return the delay
	 */
	public Duration delay(int attempts, Duration retryAfter) {
		int exponent = Math.max(0, Math.min(attempts - 1, 30));
		long ceiling = Math.min(this.max.toMillis(), this.initial.toMillis() * (1L << exponent));
		long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
		Duration delay = Duration.ofMillis(jittered);
		if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
			return (retryAfter.compareTo(this.max) > 0) ? this.max : retryAfter;
		}
		return delay;
	}

}
