package org.frontdoor.channels.sms.twilio.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.twilio.http.TwilioRestClient;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.OutboundSender.SendReceipt;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.channels.core.SendException.Policy;
import org.frontdoor.channels.sms.twilio.PhoneNumbers;
import org.frontdoor.channels.sms.twilio.TestTwilioProperties;
import org.frontdoor.channels.sms.twilio.TwilioFixtures;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sender against a WireMock stand-in for api.twilio.com, with Twilio's own bodies.
 */
class TwilioSenderTest {

	static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioFixtures.ACCOUNT_SID + "/Messages.json";

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private TwilioSender sender(String messagingServiceSid) {
		return sender(messagingServiceSid, Duration.ofSeconds(10));
	}

	private TwilioSender sender(String messagingServiceSid, Duration timeout) {
		TwilioProperties properties = TestTwilioProperties.withApi("http://localhost:" + twilio.getPort(),
				messagingServiceSid, timeout);
		TwilioRestClient client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
			.accountSid(properties.accountSid())
			.httpClient(new TwilioApiHttpClient(properties.apiBaseUrl(), properties.apiTimeout()))
			.build();
		return new TwilioSender(properties, client, new PhoneNumbers("US"), Clock.systemUTC());
	}

	private static OutboundMessage sms(String to, String text) {
		return new OutboundMessage(UUID.randomUUID(), Channel.SMS, to, null, text, null, null, null, null, null);
	}

	private static ResponseDefinitionBuilder created() {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(resource("message_created.json"));
	}

	private static ResponseDefinitionBuilder error(int status, String file) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(resource(file));
	}

	@Test
	void anSmsIsSentFromTheConfiguredNumberWithAStatusCallback() throws Exception {
		twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(created()));

		SendReceipt receipt = sender(null).send(sms("tel:+16175550123", "Thanks! Your report is #1042."));

		assertThat(receipt.providerMessageId()).isEqualTo("SM3e5a7c9b1d2f4e6a8c0b2d4f6a8c0e13");
		assertThat(receipt.status()).isEqualTo("queued");
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(
					(TwilioFixtures.ACCOUNT_SID + ":" + TwilioFixtures.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
		twilio.verify(1,
				postRequestedFor(urlPathEqualTo(MESSAGES)).withHeader("Authorization", equalTo(basic))
					.withFormParam("To", equalTo("+16175550123"))
					.withFormParam("From", equalTo("+16175550100"))
					.withFormParam("Body", equalTo("Thanks! Your report is #1042."))
					.withFormParam("StatusCallback", equalTo("https://311.example.gov/channels/twilio/status"))
					.withFormParam("MessagingServiceSid", absent()));
	}

	@Test
	void aMessagingServiceReplacesTheFromNumber() throws Exception {
		twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(created()));

		sender("MGa3799c565299f143097ff388571be2b2").send(sms("+1 (617) 555-0123", "hi"));

		twilio.verify(postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo("+16175550123"))
			.withFormParam("MessagingServiceSid", equalTo("MGa3799c565299f143097ff388571be2b2"))
			.withFormParam("From", absent()));
	}

	@Test
	void mmsCarriesItsMediaUrls() throws Exception {
		twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(created()));
		OutboundMessage message = new OutboundMessage(UUID.randomUUID(), Channel.SMS, "tel:+16175550123", null,
				"Here is the map", null, null, null,
				List.of("https://311.example.gov/media/7f3c", "https://311.example.gov/media/9a1b"), null);

		sender(null).send(message);

		twilio.verify(postRequestedFor(urlPathEqualTo(MESSAGES))
			.withFormParam("MediaUrl", equalTo("https://311.example.gov/media/7f3c"))
			.withFormParam("MediaUrl", equalTo("https://311.example.gov/media/9a1b")));
	}

	@Test
	void whatsappIsSentFromTheWhatsappSender() throws Exception {
		twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(created()));
		OutboundMessage message = new OutboundMessage(UUID.randomUUID(), Channel.WHATSAPP, "whatsapp:+31612345678",
				null, "Where is it?", null, null, null, null, null);

		sender(null).send(message);

		twilio.verify(postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo("whatsapp:+31612345678"))
			.withFormParam("From", equalTo("whatsapp:+16175550101"))
			.withFormParam("Body", equalTo("Where is it?")));
	}

	static Stream<Arguments> templates() {
		return Stream.of(
				Arguments.of("explicit content sid",
						Map.of(TwilioSender.HEADER_CONTENT_SID, "HXfedcba9876543210fedcba9876543210",
								TwilioSender.HEADER_CONTENT_VARIABLES, "{\"1\":\"#1042\",\"2\":\"closed\"}"),
						"HXfedcba9876543210fedcba9876543210"),
				Arguments.of(
						"configured purpose", Map.of(TwilioSender.HEADER_TEMPLATE, "status-update",
								TwilioSender.HEADER_CONTENT_VARIABLES, "{\"1\":\"#1042\",\"2\":\"closed\"}"),
						"HX0123456789abcdef0123456789abcdef"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("templates")
	void whatsappTemplatesAreSentAsContentSidAndVariablesWithoutBody(String name, Map<String, String> headers,
			String contentSid) throws Exception {
		twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(created()));
		OutboundMessage message = new OutboundMessage(UUID.randomUUID(), Channel.WHATSAPP, "whatsapp:+31612345678",
				null, "Your report #1042 is now closed.", null, null, null, null, headers);

		sender(null).send(message);

		twilio.verify(postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("ContentSid", equalTo(contentSid))
			.withFormParam("ContentVariables", equalTo("{\"1\":\"#1042\",\"2\":\"closed\"}"))
			.withFormParam("From", equalTo("whatsapp:+16175550101"))
			.withFormParam("Body", absent()));
	}

	static Stream<Arguments> failures() {
		return Stream.of(
				Arguments.of("429", error(429, "error_20429.json").withHeader("Retry-After", "7"), Policy.RETRY,
						"20429", Duration.ofSeconds(7)),
				Arguments.of("500", error(500, "error_20500.json"), Policy.RETRY, "20500", null),
				Arguments.of("502 from a proxy, HTML body",
						aResponse().withStatus(502)
							.withHeader("Content-Type", "text/html")
							.withBody("<html>Bad Gateway</html>"),
						Policy.RETRY, null, null),
				Arguments.of("21610 unsubscribed", error(400, "error_21610.json"), Policy.OPT_OUT, "21610", null),
				Arguments.of("20003 authentication", error(401, "error_20003.json"), Policy.HALT, "20003", null),
				Arguments.of("21211 invalid number", error(400, "error_21211.json"), Policy.GIVE_UP, "21211", null),
				Arguments.of("21614 not a mobile", error(400, "error_21614.json"), Policy.GIVE_UP, "21614", null),
				Arguments.of("timeout", created().withFixedDelay(6_000), Policy.RETRY, null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void failuresCarryTheirPolicyAndAreTriedOnlyOnce(String name, ResponseDefinitionBuilder answer, Policy policy,
			String code, Duration retryAfter) {
		twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(answer));

		SendException failure = catchThrowableOfType(SendException.class,
				() -> sender(null, name.equals("timeout") ? Duration.ofSeconds(2) : Duration.ofSeconds(10))
					.send(sms("tel:+16175550123", "hello")));

		assertThat(failure.policy()).isEqualTo(policy);
		if (code != null) {
			assertThat(failure.code()).isEqualTo(code);
		}
		assertThat(failure.retryAfter()).isEqualTo(retryAfter);
		twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
	}

	static Stream<Arguments> transientThenCreated() {
		return Stream.of(Arguments.of(error(429, "error_20429.json").withHeader("Retry-After", "2")),
				Arguments.of(error(500, "error_20500.json")));
	}

	@ParameterizedTest
	@MethodSource("transientThenCreated")
	void aRetryAfterATransientFailureSucceeds(ResponseDefinitionBuilder first) throws Exception {
		stubInSequence(post(urlPathEqualTo(MESSAGES)), first, created());
		TwilioSender sender = sender(null);
		OutboundMessage message = sms("tel:+16175550123", "hello");

		SendException failure = catchThrowableOfType(SendException.class, () -> sender.send(message));
		SendReceipt receipt = sender.send(message);

		assertThat(failure.policy()).isEqualTo(Policy.RETRY);
		assertThat(receipt.providerMessageId()).isEqualTo("SM3e5a7c9b1d2f4e6a8c0b2d4f6a8c0e13");
		twilio.verify(2, postRequestedFor(urlPathEqualTo(MESSAGES)));
	}

	static Stream<Arguments> refusedBeforeCalling() {
		return Stream.of(
				Arguments.of(sms("tel:call-me-maybe", "refuse me"), Policy.GIVE_UP, TwilioSender.CODE_INVALID_ADDRESS),
				Arguments.of(new OutboundMessage(UUID.randomUUID(), Channel.WHATSAPP, "whatsapp:+31612345678", null,
						"refuse me", null, null, null, null, Map.of(TwilioSender.HEADER_TEMPLATE, "no-such-purpose")),
						Policy.GIVE_UP, TwilioSender.CODE_UNKNOWN_TEMPLATE),
				Arguments.of(new OutboundMessage(UUID.randomUUID(), Channel.EMAIL, "mailto:resident@example.org", null,
						"refuse me", null, null, null, null, null), Policy.GIVE_UP, null));
	}

	@ParameterizedTest
	@MethodSource("refusedBeforeCalling")
	void messagesTwilioCannotTakeAreRefusedWithoutACall(OutboundMessage message, Policy policy, String code) {
		twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(created()));

		SendException failure = catchThrowableOfType(SendException.class, () -> sender(null).send(message));

		assertThat(failure.policy()).isEqualTo(policy);
		assertThat(failure.code()).isEqualTo(code);
		twilio.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("Body", equalTo("refuse me")));
	}

	@Test
	void onlySmsAndWhatsappAreSupported() {
		TwilioSender sender = sender(null);

		assertThat(sender.supports(Channel.SMS)).isTrue();
		assertThat(sender.supports(Channel.WHATSAPP)).isTrue();
		assertThat(sender.supports(Channel.EMAIL)).isFalse();
		assertThat(sender.supports(Channel.CHAT)).isFalse();
	}

	@Test
	void retryAfterAcceptsSecondsAndHttpDates() {
		TwilioSender sender = new TwilioSender(TestTwilioProperties.withApi("https://api.twilio.com", null), null,
				new PhoneNumbers("US"),
				Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));

		assertThat(sender.retryAfter("120")).isEqualTo(Duration.ofMinutes(2));
		assertThat(sender.retryAfter("Thu, 01 Jan 2026 00:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
		assertThat(sender.retryAfter("soon")).isNull();
		assertThat(sender.retryAfter(null)).isNull();
	}

	private static void stubInSequence(MappingBuilder request, ResponseDefinitionBuilder first,
			ResponseDefinitionBuilder then) {
		twilio.stubFor(request.inScenario("sequence")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(first)
			.willSetStateTo("second"));
		twilio.stubFor(
				post(urlPathEqualTo(MESSAGES)).inScenario("sequence").whenScenarioStateIs("second").willReturn(then));
	}

	static String resource(String name) {
		try (InputStream in = TwilioSenderTest.class.getResourceAsStream("/twilio/api/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
