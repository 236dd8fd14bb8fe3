package org.frontdoor.gateway.persistence;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exponential backoff with jitter, never shorter than what the remote side asked for.
 */
class BackoffTest {

	static final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(30));

	static Stream<Arguments> delays() {
		return Stream.of(
				// attempts, Retry-After, shortest, longest
				Arguments.of(1, null, Duration.ofMillis(2500), Duration.ofSeconds(5)),
				Arguments.of(2, null, Duration.ofSeconds(5), Duration.ofSeconds(10)),
				Arguments.of(5, null, Duration.ofSeconds(40), Duration.ofSeconds(80)),
				Arguments.of(40, null, Duration.ofMinutes(15), Duration.ofMinutes(30)),
				Arguments.of(1, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20)),
				Arguments.of(1, Duration.ofMillis(100), Duration.ofMillis(2500), Duration.ofSeconds(5)),
				Arguments.of(1, Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2)),
				Arguments.of(1, Duration.ofDays(30), Duration.ofHours(24), Duration.ofHours(24)));
	}

	@ParameterizedTest
	@MethodSource("delays")
	void delay(int attempts, Duration retryAfter, Duration shortest, Duration longest) {
		for (int i = 0; i < 200; i++) {
			assertThat(backoff.delay(attempts, retryAfter)).isBetween(shortest, longest);
		}
	}

}
