package org.frontdoor.channels.sms.twilio;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a trusted reverse proxy, the URL Twilio called comes from X-Forwarded-*. */
@SpringBootTest(classes = TwilioTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "frontdoor.channels.sms.twilio.enabled=true",
				"frontdoor.channels.sms.twilio.account-sid=" + TwilioFixtures.ACCOUNT_SID,
				"frontdoor.channels.sms.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
				"frontdoor.channels.sms.twilio.messaging-service-sid=MGa3799c565299f143097ff388571be2b2",
				"frontdoor.channels.sms.twilio.public-base-url=" + TwilioFixtures.PUBLIC_BASE_URL,
				"frontdoor.channels.sms.twilio.trust-forwarded-headers=true" })
class TwilioForwardedHeadersTest {

	static final String PATH = "/channels/twilio/messages";

	@LocalServerPort
	int port;

	@Autowired
	InMemoryInboundMessageStore store;

	@BeforeEach
	void clear() {
		this.store.clear();
	}

	static Stream<Arguments> proxies() {
		return Stream.of(
				Arguments.of("proto and host",
						new String[] { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "sms.cambridgema.example" },
						"https://sms.cambridgema.example" + PATH, 200),
				Arguments.of("default port is not part of the URL",
						new String[] { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "sms.cambridgema.example",
								"X-Forwarded-Port", "443" },
						"https://sms.cambridgema.example" + PATH, 200),
				Arguments.of("other port is",
						new String[] { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "sms.cambridgema.example",
								"X-Forwarded-Port", "8443" },
						"https://sms.cambridgema.example:8443" + PATH, 200),
				Arguments.of("first of a list, with a path prefix",
						new String[] { "X-Forwarded-Proto", "https, http", "X-Forwarded-Host",
								"sms.cambridgema.example, internal-lb", "X-Forwarded-Prefix", "/frontdoor" },
						"https://sms.cambridgema.example/frontdoor" + PATH, 200),
				Arguments.of("no forwarded host: the public base URL", new String[] { "X-Forwarded-Proto", "https" },
						TwilioFixtures.PUBLIC_BASE_URL + PATH, 200),
				Arguments.of("signed for the public base URL while the proxy names another host",
						new String[] { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "sms.cambridgema.example" },
						TwilioFixtures.PUBLIC_BASE_URL + PATH, 403));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("proxies")
	void theSignedUrlIsRebuiltFromTheProxyHeaders(String name, String[] headers, String signedUrl, int status)
			throws Exception {
		Map<String, List<String>> form = TwilioFixtures.form("sms_inbound_international_AR.form");

		HttpResponse<String> response = new WebhookClient(this.port).post(PATH, form, signedUrl, headers);

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(this.store.all()).hasSize((status == 200) ? 1 : 0);
	}

}
