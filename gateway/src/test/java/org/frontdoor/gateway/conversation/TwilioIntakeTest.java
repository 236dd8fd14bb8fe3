package org.frontdoor.gateway.conversation;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Residents text FrontDoor over the real Twilio webhook; the sandbox backend receives the
 * requests, WireMock (as Twilio's REST API) receives the replies.
 */
class TwilioIntakeTest extends IntakeTestSupport {

	@Test
	void aCompleteSmsBecomesAServiceRequestAndTheResidentGetsItsNumber() {
		String phone = newNumber();
		assertThat(text(phone, "huge pothole at mass ave and prospect st")).isEqualTo(200);

		String confirmation = reply(phone, 1);
		String id = requestId(confirmation);
		assertThat(confirmation).startsWith("Cambridge 311:").contains("#" + id);
		JsonNode request = request(id);
		assertThat(request.path("service_code").asString()).isEqualTo("pothole");
		assertThat(request.path("lat").asDouble()).isCloseTo(42.3656, within(0.001));
		assertThat(request.path("long").asDouble()).isCloseTo(-71.1040, within(0.001));
		assertThat(request.path("address").asString()).contains("Massachusetts Ave").contains("Prospect St");
		assertThat(request.path("description").asString()).isEqualTo("huge pothole at mass ave and prospect st");
		assertThat(requestsFrom(phone)).isEqualTo(1);
		assertThat(twilio.sentTo(phone)).hasSize(1);
	}

}
