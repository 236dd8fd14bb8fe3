package org.frontdoor.channels.sms.twilio.outbound;

import java.util.stream.Stream;

import org.frontdoor.channels.core.SendException.Policy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioMessageStatusTest {

	static Stream<Arguments> table() {
		return Stream.of(Arguments.of("undelivered", "30003", Policy.GIVE_UP),
				Arguments.of("undelivered", "30005", Policy.GIVE_UP),
				Arguments.of("undelivered", "30006", Policy.GIVE_UP),
				Arguments.of("undelivered", "30007", Policy.GIVE_UP), Arguments.of("failed", "30001", Policy.RETRY),
				Arguments.of("undelivered", "30008", Policy.RETRY), Arguments.of("failed", "30002", Policy.HALT),
				Arguments.of("failed", "20003", Policy.HALT), Arguments.of("failed", "21610", Policy.OPT_OUT),
				Arguments.of("failed", "21211", Policy.GIVE_UP), Arguments.of("failed", "63016", Policy.GIVE_UP),
				Arguments.of("failed", "63018", Policy.RETRY), Arguments.of("failed", "99999", Policy.GIVE_UP),
				Arguments.of("failed", "not-a-code", Policy.GIVE_UP), Arguments.of("failed", null, Policy.GIVE_UP),
				Arguments.of("delivered", "30008", null), Arguments.of("read", null, null),
				Arguments.of("canceled", null, null), Arguments.of("partially_delivered", null, null),
				Arguments.of("some_future_status", "21610", Policy.OPT_OUT),
				Arguments.of("some_future_status", null, null));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("table")
	void statusAndErrorCodeGiveThePolicy(String status, String code, Policy policy) {
		assertThat(TwilioMessageStatus.policy(status, code)).isEqualTo(policy);
	}

	static Stream<Arguments> httpStatuses() {
		return Stream.of(Arguments.of(401, Policy.HALT), Arguments.of(403, Policy.HALT),
				Arguments.of(400, Policy.GIVE_UP), Arguments.of(404, Policy.GIVE_UP), Arguments.of(408, Policy.RETRY),
				Arguments.of(429, Policy.RETRY), Arguments.of(500, Policy.RETRY), Arguments.of(503, Policy.RETRY));
	}

	@ParameterizedTest(name = "HTTP {0} -> {1}")
	@MethodSource("httpStatuses")
	void httpStatusesWithoutAKnownCodeGiveThePolicy(int status, Policy policy) {
		assertThat(TwilioErrorCodes.forHttpStatus(status)).isEqualTo(policy);
	}

}
