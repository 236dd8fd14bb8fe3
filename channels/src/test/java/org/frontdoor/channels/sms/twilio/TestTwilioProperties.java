package org.frontdoor.channels.sms.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.util.unit.DataSize;

/** {@link TwilioProperties} for tests that need no Spring context. */
public final class TestTwilioProperties {

	private TestTwilioProperties() {
	}

	public static TwilioProperties withApi(String apiBaseUrl, String messagingServiceSid) {
		return withApi(apiBaseUrl, messagingServiceSid, Duration.ofSeconds(10));
	}

	public static TwilioProperties withApi(String apiBaseUrl, String messagingServiceSid, Duration timeout) {
		return new TwilioProperties(true, TwilioFixtures.ACCOUNT_SID, TwilioFixtures.AUTH_TOKEN,
				(messagingServiceSid == null) ? "+16175550100" : null, messagingServiceSid, "whatsapp:+16175550101",
				URI.create(TwilioFixtures.PUBLIC_BASE_URL), false, "US", URI.create(apiBaseUrl), timeout,
				media(List.of("api.twilio.com"), List.of("*.twiliocdn.com"), DataSize.ofMegabytes(5), false),
				new TwilioProperties.Whatsapp(Map.of("status-update", "HX0123456789abcdef0123456789abcdef")));
	}

	public static TwilioProperties withMedia(TwilioProperties.Media media) {
		return new TwilioProperties(true, TwilioFixtures.ACCOUNT_SID, TwilioFixtures.AUTH_TOKEN, "+16175550100", null,
				null, URI.create(TwilioFixtures.PUBLIC_BASE_URL), false, "US", URI.create("https://api.twilio.com"),
				Duration.ofSeconds(1), media, new TwilioProperties.Whatsapp(Map.of()));
	}

	public static TwilioProperties.Media media(List<String> allowed, List<String> redirects, DataSize maxBytes,
			boolean loopback) {
		return media(allowed, redirects, maxBytes, loopback, Duration.ofSeconds(10));
	}

	public static TwilioProperties.Media media(List<String> allowed, List<String> redirects, DataSize maxBytes,
			boolean loopback, Duration timeout) {
		return new TwilioProperties.Media(allowed, redirects, maxBytes, timeout, 3, loopback);
	}

}
