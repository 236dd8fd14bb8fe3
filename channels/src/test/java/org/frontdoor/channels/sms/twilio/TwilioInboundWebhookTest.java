package org.frontdoor.channels.sms.twilio;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.sms.twilio.inbound.TwilioInboundController;
import org.frontdoor.channels.sms.twilio.inbound.TwilioInboundNormalizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TwilioInboundWebhookTest extends TwilioWebhookTestBase {

	static final String PATH = "/channels/twilio/messages";

	static final String URL = TwilioFixtures.PUBLIC_BASE_URL + PATH;

	@LocalServerPort
	int port;

	@Autowired
	InMemoryInboundMessageStore store;

	@Autowired
	InMemoryDeadLetterSink deadLetters;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.store.clear();
		this.deadLetters.clear();
		this.client = new WebhookClient(this.port);
	}

	/** One captured body and what FrontDoor must make of it. */
	record Expected(Channel channel, String sid, String from, String to, String text, List<String> mediaUrls,
			List<String> mediaTypes, Double latitude, Double longitude, String label, Map<String, String> metadata) {

	}

	static Stream<Arguments> inbound() {
		String twilioMedia = "https://api.twilio.com/2010-04-01/Accounts/";
		return Stream.of(
				Arguments.of("sms_inbound_international_AR.form",
						new Expected(Channel.SMS, "SMc56324aa4a31735561b7205472192d68", "tel:+541138050810",
								"tel:+16693421974", "Hello", List.of(), List.of(), null, null, null,
								Map.of("FromCountry", "AR", "NumMedia", "0", "NumSegments", "1"))),
				Arguments.of("sms_inbound_messaging_service_tollfree.form",
						new Expected(Channel.SMS, "SM62876cd3611d64defdece80d9aa1f703", "tel:+12533243071",
								"tel:+18333595081", "Why do you say that?", List.of(), List.of(), null, null, null,
								Map.of("MessagingServiceSid", "MGa3799c565299f143097ff388571be2b2"))),
				Arguments.of("mms_inbound_jpeg_us.form", new Expected(Channel.SMS, "MM1c05a7205210e96eac11f4e1a484d3f2",
						"tel:+12032572584", "tel:+19362373705", "Test mms",
						List.of(twilioMedia
								+ "ACe2cdfdaa687e260e98c3f81f7896ce97/Messages/MM1c05a7205210e96eac11f4e1a484d3f2/Media/MEfb1d3ef549ca3899527125e69466bf8a"),
						List.of("image/jpeg"), null, null, null, Map.of("NumMedia", "1"))),
				Arguments.of("team_mms_two_photos.form", new Expected(Channel.SMS, "MM0f5e0a8d2b6c4e1f9a7d3c5b1e2f4a60",
						"tel:+16175550123", "tel:+16175550100", "Pothole in front of the library",
						List.of(twilioMedia
								+ "ACe2cdfdaa687e260e98c3f81f7896ce97/Messages/MM0f5e0a8d2b6c4e1f9a7d3c5b1e2f4a60/Media/ME11111111111111111111111111111111",
								twilioMedia
										+ "ACe2cdfdaa687e260e98c3f81f7896ce97/Messages/MM0f5e0a8d2b6c4e1f9a7d3c5b1e2f4a60/Media/ME22222222222222222222222222222222"),
						List.of("image/jpeg", "image/png"), null, null, null, Map.of("NumMedia", "2"))),
				Arguments.of("mms_inbound_malformed_media_botbuilder.form",
						new Expected(Channel.SMS, "SMa56324aa4a31735561b7205472192d68", "tel:+571138050810", null,
								"Hello", List.of("www.google.com"), List.of("json"), null, null, null,
								Map.of(TwilioInboundNormalizer.RAW_TO_KEY, "+1A693421974"))),
				Arguments.of("whatsapp_inbound_text.form",
						new Expected(Channel.WHATSAPP, "SM892512e202b34d4109b10a3893fa9640", "whatsapp:+31612345678",
								"whatsapp:+14123456789", "test", List.of(), List.of(), null, null, null, Map.of())),
				Arguments.of("whatsapp_inbound_image.form", new Expected(Channel.WHATSAPP,
						"MM21151abfaadc1fb79b782f8460862a52", "whatsapp:+31612345678", "whatsapp:+14123456789", "",
						List.of(twilioMedia
								+ "AC1a03647d811fab342c0ad608e382fab2/Messages/MM21151abfaadc1fb79b782f8460862a52/Media/ME5f0afa2336bd0f73ca553fb5a2e3150bc"),
						List.of("image/jpeg"), null, null, null, Map.of("NumMedia", "1"))),
				Arguments.of("whatsapp_inbound_location.form",
						new Expected(Channel.WHATSAPP, "SM9c871cd9649aa3829298e153ae6a8123", "whatsapp:+31612345678",
								"whatsapp:+14123456789", "", List.of(), List.of(), 52.303897857666016,
								4.750025749206543,
								"Microsoft, Evert van de Beekstraat 354, Schiphol, North Holland 1118 CZ",
								Map.of("Label", "Microsoft"))),
				Arguments.of("team_whatsapp_location_invalid.form",
						new Expected(Channel.WHATSAPP, "SM4a1e6f0c9b2d7e3a5c8f1b0d2e4a6c81", "whatsapp:+16175550124",
								"whatsapp:+16175550101", "", List.of(), List.of(), null, null, null,
								Map.of("ProfileName", "Resident", "WaId", "16175550124", "MessageType", "location",
										TwilioInboundNormalizer.INVALID_LOCATION_KEY, "true"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inbound")
	void capturedPayloadsAreStoredNormalizedAndAcknowledgedWithEmptyTwiml(String fixture, Expected expected)
			throws Exception {
		Map<String, List<String>> form = TwilioFixtures.form(fixture);

		HttpResponse<String> response = this.client.post(PATH, form, URL);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/xml"));
		assertThat(response.body()).isEqualTo(TwilioInboundController.EMPTY_TWIML);
		assertThat(this.store.all()).hasSize(1);
		InboundMessage message = this.store.all().get(0);
		assertThat(message.channel()).isEqualTo(expected.channel());
		assertThat(message.provider()).isEqualTo("twilio");
		assertThat(message.providerMessageId()).isEqualTo(expected.sid());
		assertThat(message.from()).isEqualTo(expected.from());
		assertThat(message.to()).isEqualTo(expected.to());
		assertThat(message.text()).isEqualTo(expected.text());
		assertThat(message.media()).extracting((m) -> m.sourceUrl()).containsExactlyElementsOf(expected.mediaUrls());
		assertThat(message.media()).extracting((m) -> m.contentType()).containsExactlyElementsOf(expected.mediaTypes());
		assertThat(message.media()).allMatch((m) -> m.storedMediaId() == null && m.exifLocation() == null);
		if (expected.latitude() == null) {
			assertThat(message.sharedLocation()).isNull();
		}
		else {
			assertThat(message.sharedLocation().latitude()).isCloseTo(expected.latitude(), within(1e-9));
			assertThat(message.sharedLocation().longitude()).isCloseTo(expected.longitude(), within(1e-9));
			assertThat(message.sharedLocation().label()).isEqualTo(expected.label());
		}
		assertThat(message.metadata()).containsAllEntriesOf(expected.metadata());
		// the caller-location fields describe the phone, not the incident: never kept
		assertThat(message.metadata()).doesNotContainKeys("FromCity", "FromState", "FromZip", "ToCity", "ToState",
				"ToZip");
		assertThat(message.metadata().values()).doesNotContain("BRIDGEPORT", "CAMBRIDGE", "SEATTLE", "06607", "02139");
		assertThat(message.subject()).isNull();
		assertThat(message.receivedAt()).isNotNull();
	}

	@Test
	void theSameMessageSidThreeTimesIsStoredOnce() throws Exception {
		Map<String, List<String>> form = TwilioFixtures.form("team_mms_two_photos.form");

		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = this.client.post(PATH, form, URL);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(TwilioInboundController.EMPTY_TWIML);
		}

		assertThat(this.store.all()).hasSize(1);
	}

	static Stream<Arguments> badSignatures() {
		Map<String, List<String>> form = TwilioFixtures.form("sms_inbound_international_AR.form");
		String good = TwilioFixtures.sign(URL, form);
		return Stream.of(
				Arguments.of("signed with another auth token", new TwilioSignature("wrong-token").sign(URL, form)),
				Arguments.of("signed for http instead of https",
						TwilioFixtures.sign("http://311.example.gov" + PATH, form)),
				Arguments.of("signed for another path",
						TwilioFixtures.sign(TwilioFixtures.PUBLIC_BASE_URL + "/channels/twilio/status", form)),
				Arguments.of("signed before the body was changed",
						TwilioFixtures.sign(URL, TwilioFixtures.with(form, "Body", "Hello!"))),
				Arguments.of("truncated", good.substring(0, good.length() - 4)),
				Arguments.of("not base64", "%%%not-base64%%%"), Arguments.of("empty", ""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSignatures")
	void badSignaturesAreRefusedWith403AndNothingIsStored(String name, String signature) throws Exception {
		Map<String, List<String>> form = TwilioFixtures.form("sms_inbound_international_AR.form");

		HttpResponse<String> response = this.client.postWithSignature(PATH, form, signature);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("X-Twilio-Signature").doesNotContain("Hello");
		assertThat(this.store.all()).isEmpty();
		assertThat(this.deadLetters.all()).isEmpty();
	}

	@Test
	void aMissingSignatureIsRefusedWith403AndNothingIsStored() throws Exception {
		HttpResponse<String> response = this.client.post(PATH, TwilioFixtures.form("whatsapp_inbound_text.form"), null);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.store.all()).isEmpty();
	}

	static Stream<Arguments> missingFields() {
		Map<String, List<String>> form = TwilioFixtures.form("mms_inbound_jpeg_us.form");
		Map<String, List<String>> noSid = TwilioFixtures.with(
				TwilioFixtures.with(TwilioFixtures.with(form, "MessageSid", null), "SmsMessageSid", null), "SmsSid",
				null);
		return Stream.of(Arguments.of("no MessageSid of any kind", noSid, "MessageSid"),
				Arguments.of("no From", TwilioFixtures.with(form, "From", null), "From is missing"),
				Arguments.of("blank From", TwilioFixtures.with(form, "From", " "), "From is missing"),
				Arguments.of("From is no number", TwilioFixtures.with(form, "From", "messenger:resident"),
						"From is not a phone number"),
				Arguments.of("no AccountSid", TwilioFixtures.with(form, "AccountSid", null), "AccountSid is missing"),
				Arguments.of("another account",
						TwilioFixtures.with(form, "AccountSid", "ACffffffffffffffffffffffffffffffff"),
						"AccountSid does not match"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("missingFields")
	void missingFieldsAreRefusedWith400AndAReason(String name, Map<String, List<String>> form, String reason)
			throws Exception {
		HttpResponse<String> response = this.client.post(PATH, form, URL);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains(reason);
		assertThat(this.store.all()).isEmpty();
		if (reason.startsWith("AccountSid")) {
			assertThat(this.deadLetters.all()).isEmpty();
		}
		else {
			// signed by Twilio, so a resident's message: kept for an admin, not dropped
			assertThat(this.deadLetters.all()).singleElement().satisfies((letter) -> {
				assertThat(letter.source()).isEqualTo(TwilioInboundController.DEAD_LETTER_SOURCE);
				assertThat(letter.reason()).contains(reason);
				assertThat(letter.contentType()).isEqualTo("application/x-www-form-urlencoded");
				assertThat(TwilioFixtures.parse(letter.payload())).containsEntry("Body", List.of("Test mms"));
			});
		}
	}

	@Test
	void theQueryStringIsSignedAsPartOfTheUrlAndIsNotAFormParameter() throws Exception {
		Map<String, List<String>> form = TwilioFixtures.form("whatsapp_inbound_text.form");

		HttpResponse<String> wrong = this.client.post(PATH + "?city=cambridge", form, URL);
		HttpResponse<String> right = this.client.post(PATH + "?city=cambridge", form, URL + "?city=cambridge");

		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(right.statusCode()).isEqualTo(200);
		assertThat(this.store.all()).hasSize(1);
	}

	@Test
	void spanishTextWithoutACharsetIsReadAsUtf8AndVerifies() throws Exception {
		Map<String, List<String>> form = TwilioFixtures.with(TwilioFixtures.form("whatsapp_inbound_text.form"), "Body",
				"Hay un bache enorme en la calle Peña, ¿pueden venir? 🚧");

		HttpResponse<String> response = this.client.postWithSignature(PATH, form, TwilioFixtures.sign(URL, form));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.store.all()).singleElement()
			.satisfies((message) -> assertThat(message.text())
				.isEqualTo("Hay un bache enorme en la calle Peña, ¿pueden venir? 🚧"));
	}

	@Test
	void aUrlSignedWithTheDefaultPortIsAccepted() throws Exception {
		HttpResponse<String> response = this.client.post(PATH, TwilioFixtures.form("whatsapp_inbound_text.form"),
				"https://311.example.gov:443" + PATH);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void forwardedHeadersAreIgnoredUnlessTrusted() throws Exception {
		Map<String, List<String>> form = TwilioFixtures.form("whatsapp_inbound_text.form");

		HttpResponse<String> forgedProxy = this.client.post(PATH, form, "https://attacker.example" + PATH,
				"X-Forwarded-Proto", "https", "X-Forwarded-Host", "attacker.example");
		HttpResponse<String> publicUrl = this.client.post(PATH, form, URL, "X-Forwarded-Proto", "https",
				"X-Forwarded-Host", "attacker.example");

		assertThat(forgedProxy.statusCode()).isEqualTo(403);
		assertThat(publicUrl.statusCode()).isEqualTo(200);
	}

}
