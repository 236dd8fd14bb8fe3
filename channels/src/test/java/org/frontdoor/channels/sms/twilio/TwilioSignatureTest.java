package org.frontdoor.channels.sms.twilio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureTest {

	@Test
	void matchesTheExampleInTwiliosSecurityDocumentation() {
		// https://www.twilio.com/docs/usage/security#validating-requests (auth token
		// 12345)
		Map<String, List<String>> params = new LinkedHashMap<>();
		params.put("Digits", List.of("1234"));
		params.put("To", List.of("+18005551212"));
		params.put("From", List.of("+12349013030"));
		params.put("Caller", List.of("+12349013030"));
		params.put("CallSid", List.of("CA1234567890ABCDE"));
		String url = "https://mycompany.com/myapp.php?foo=1&bar=2";

		TwilioSignature signature = new TwilioSignature("12345");

		assertThat(signature.sign(url, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
		assertThat(signature.verify(url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
	}

	@Test
	void matchesTheOpensslPipelineOfTheReadme() {
		// printf '%s' "$URL<sorted name+value>" | openssl dgst -sha1 -hmac "$TOKEN"
		// -binary | base64
		Map<String, List<String>> params = new LinkedHashMap<>();
		params.put("To", List.of("+16175550100"));
		params.put("ToCountry", List.of("US"));
		params.put("NumMedia", List.of("0"));
		params.put("MessageSid", List.of("SM0123456789abcdef0123456789abcdef"));
		params.put("From", List.of("+16175550123"));
		params.put("Body", List.of("huge pothole at mass ave and prospect st"));
		params.put("AccountSid", List.of("AC0123456789abcdef0123456789abcdef"));

		String signature = new TwilioSignature(TwilioFixtures.AUTH_TOKEN)
			.sign("https://311.example.gov/channels/twilio/messages", params);

		assertThat(signature).isEqualTo("5q7axb+YwmrYxk1fmurOtCT5O0E=");
	}

	@Test
	void repeatedParametersAreSignedValueBySortedValue() {
		Map<String, List<String>> forward = Map.of("MediaUrl", List.of("https://a/1", "https://a/2"));
		Map<String, List<String>> backward = Map.of("MediaUrl", List.of("https://a/2", "https://a/1"));
		TwilioSignature signature = new TwilioSignature("token");

		assertThat(signature.sign("https://x/y", forward)).isEqualTo(signature.sign("https://x/y", backward));
		assertThat(signature.sign("https://x/y", forward))
			.isNotEqualTo(signature.sign("https://x/y", Map.of("MediaUrl", List.of("https://a/1"))));
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = {
			"https://311.example.gov/channels/twilio/messages, https://311.example.gov:443/channels/twilio/messages",
			"https://311.example.gov:443/x?a=1, https://311.example.gov/x?a=1",
			"http://311.example.gov/x, http://311.example.gov:80/x", "https://311.example.gov:8443/x, null" })
	void theAlternativeFormTogglesOnlyTheDefaultPort(String url, String alternative) {
		assertThat(TwilioSignature.alternativePortForm(url)).isEqualTo(alternative);
	}

	@Test
	void aSignatureForANonDefaultPortMustNameIt() {
		Map<String, List<String>> params = Map.of("Body", List.of("hi"));
		TwilioSignature signature = new TwilioSignature("token");
		String signed = signature.sign("https://311.example.gov:8443/x", params);

		assertThat(signature.verify("https://311.example.gov:8443/x", params, signed)).isTrue();
		assertThat(signature.verify("https://311.example.gov/x", params, signed)).isFalse();
		assertThat(signature.verify("https://311.example.gov:8443/x", params, null)).isFalse();
	}

}
