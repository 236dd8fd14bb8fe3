package org.frontdoor.gateway.conversation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Status changes made by city staff in the sandbox reach subscribers by SMS: through the
 * status poller, the relay and the outbound outbox to the Twilio stub — once per change,
 * never to a resident who opted out, never at night.
 */
class StatusRelayTest extends IntakeTestSupport {

	@Test
	void aStatusChangeArrivesAsOneSmsWithTheCityNotes() {
		String phone = newNumber();
		text(phone, "streetlight out at 795 massachusetts ave");
		String id = requestId(reply(phone, 1));

		staffSets(id, "closed", "Lamp replaced by crew 7");

		String update = reply(phone, 2);
		assertThat(update).isEqualTo("Cambridge 311: the city has closed your report #" + id
				+ " (Streetlight Out). City note: Lamp replaced by crew 7. If the problem is still there, text us again.");
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(twilio.sentTo(phone)).hasSize(2));
		assertThat(this.jdbc
			.sql("select count(*) from status_change where service_request_id = :id and relayed_at is not null")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aDuplicateOfferAcceptedSubscribesTheResidentInsteadOfFilingAgain() {
		String first = newNumber();
		text(first, "pothole at 100 river st");
		String id = requestId(reply(first, 1));

		String second = newNumber();
		text(second, "big pothole in front of 100 River St");
		assertThat(reply(second, 1)).contains("#" + id)
			.contains("Reply 1 to get updates on #" + id + ", 2 to report a new one");

		text(second, "1");
		assertThat(reply(second, 2)).startsWith("Done: we'll text you when #" + id);
		assertThat(requestsFrom(second)).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from subscription s join service_request_link l on l.id = s.link_id
				where l.service_request_id = :id and s.address = :address and s.active
				""").param("id", id).param("address", "tel:" + second).query(Long.class).single()).isEqualTo(1);

		staffSets(id, "closed", "Filled");
		assertThat(reply(first, 2)).contains("closed your report #" + id);
		assertThat(reply(second, 3)).contains("closed your report #" + id);
	}

	@Test
	void afterStopNothingIsSentUntilStart() {
		String phone = newNumber();
		text(phone, "pothole at inman square");
		String id = requestId(reply(phone, 1));

		text(phone, "STOP");
		assertThat(reply(phone, 2)).startsWith("Cambridge 311: you're unsubscribed");
		text(phone, "stop");
		text(phone, "pothole at 40 oxford st");

		staffSets(id, "closed", "Done");
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("select count(*) from status_change where service_request_id = :id and relayed_at is not null")
				.param("id", id)
				.query(Long.class)
				.single()).isEqualTo(1));
		await().during(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(twilio.sentTo(phone)).hasSize(1 + 1));
		assertThat(requestsFrom(phone)).as("reports are not taken while opted out").isEqualTo(1);

		text(phone, "START");
		assertThat(reply(phone, 3)).startsWith("Cambridge 311: you're subscribed again.");
	}

	@Test
	void quietHoursHoldAStatusUpdateUntilMorning() {
		String phone = newNumber();
		text(phone, "broken sidewalk at 50 church st");
		String id = requestId(reply(phone, 1));

		this.clock.nextLocal(LocalTime.of(22, 30), CITY);
		Instant morning = ZonedDateTime.ofInstant(this.clock.instant(), CITY)
			.plusDays(1)
			.with(LocalTime.of(8, 0))
			.toInstant();
		staffSets(id, "closed", "Repaired");

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					select next_attempt_at from outbound_message
					where recipient = :to and dedupe_key like 'status-change:%'
					""").param("to", "tel:" + phone).query(java.time.OffsetDateTime.class).list()).singleElement()
				.satisfies((at) -> assertThat(at.toInstant()).isEqualTo(morning)));
		await().during(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(twilio.sentTo(phone)).hasSize(1));
	}

}
