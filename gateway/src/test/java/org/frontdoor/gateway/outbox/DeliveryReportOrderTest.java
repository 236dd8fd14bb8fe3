package org.frontdoor.gateway.outbox;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which delivery report replaces the recorded status: a later stage always, the same
 * stage when newer, an earlier stage never (callbacks arrive out of order).
 */
class DeliveryReportOrderTest {

	static final Instant T = Instant.parse("2026-11-21T12:00:00Z");

	static Stream<Arguments> reports() {
		return Stream.of(
				// reported, at, recorded, recorded at, replaces
				Arguments.of("queued", T, null, null, true), Arguments.of("sent", T, "queued", T.plusSeconds(5), true),
				Arguments.of("delivered", T, "sent", T, true),
				Arguments.of("sent", T.plusSeconds(9), "delivered", T, false),
				Arguments.of("queued", T.plusSeconds(9), "sent", T, false),
				Arguments.of("undelivered", T, "sent", T.plusSeconds(1), true),
				Arguments.of("read", T, "delivered", T.plusSeconds(1), true),
				Arguments.of("delivered", T, "read", T.minusSeconds(1), false),
				Arguments.of("delivered", T.plusSeconds(1), "delivered", T, true),
				Arguments.of("delivered", T.minusSeconds(1), "delivered", T, false),
				Arguments.of("bounced", T.plusSeconds(1), "sent", T, true),
				Arguments.of("bounced", T.minusSeconds(1), "sent", T, false),
				Arguments.of("SENT", T.plusSeconds(1), "Queued", T, true));
	}

	@ParameterizedTest(name = "{0} over {2}: {4}")
	@MethodSource("reports")
	void supersedes(String status, Instant at, String current, Instant currentAt, boolean replaces) {
		assertThat(DeliveryReports.supersedes(status, at, current, currentAt)).isEqualTo(replaces);
	}

}
