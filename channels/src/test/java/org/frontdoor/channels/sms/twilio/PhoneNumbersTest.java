package org.frontdoor.channels.sms.twilio;

import org.frontdoor.channels.core.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

	private final PhoneNumbers us = new PhoneNumbers("US");

	@ParameterizedTest(name = "{0}")
	@CsvSource(nullValues = "null",
			value = { "+16175550123, SMS, tel:+16175550123, +16175550123",
					"'(617) 555-0123', SMS, tel:+16175550123, +16175550123",
					"617.555.0199, SMS, tel:+16175550199, +16175550199",
					"tel:+16175550123, SMS, tel:+16175550123, +16175550123",
					"whatsapp:+31612345678, WHATSAPP, whatsapp:+31612345678, whatsapp:+31612345678",
					"WhatsApp:+541138050810, WHATSAPP, whatsapp:+541138050810, whatsapp:+541138050810",
					"+541138050810, SMS, tel:+541138050810, +541138050810",
					"+8613314517617, SMS, tel:+8613314517617, +8613314517617", "+1A693421974, null, null, null",
					"messenger:12345, null, null, null", "'', null, null, null", "+1 617, null, null, null" })
	void addressesAreNormalizedToE164(String raw, Channel channel, String uri, String twilio) {
		var parsed = this.us.parse(raw);
		if (channel == null) {
			assertThat(parsed).isEmpty();
			return;
		}
		assertThat(parsed).hasValueSatisfying((address) -> {
			assertThat(address.channel()).isEqualTo(channel);
			assertThat(address.uri()).isEqualTo(uri);
			assertThat(address.twilio()).isEqualTo(twilio);
		});
	}

	@ParameterizedTest
	@CsvSource({ "GB, 020 7946 0018, +442079460018", "ES, 612 34 56 78, +34612345678",
			"US, 617-555-0123, +16175550123" })
	void theDefaultRegionAppliesToNationalNumbers(String region, String raw, String e164) {
		assertThat(new PhoneNumbers(region).parse(raw))
			.hasValueSatisfying((address) -> assertThat(address.e164()).isEqualTo(e164));
	}

}
