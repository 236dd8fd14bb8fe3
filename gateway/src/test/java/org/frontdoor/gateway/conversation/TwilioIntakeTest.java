package org.frontdoor.gateway.conversation;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Residents text FrontDoor over the real Twilio webhook (SMS, MMS, WhatsApp); the sandbox
 * backend receives the requests, WireMock (as Twilio's REST API) receives the replies.
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
		// the intersection the resident named, not Twilio's FromCity=SEATTLE /
		// FromZip=98106
		assertThat(request.path("lat").asDouble()).isCloseTo(42.3656, within(0.001));
		assertThat(request.path("long").asDouble()).isCloseTo(-71.1040, within(0.001));
		assertThat(request.path("address").asString()).contains("Massachusetts Ave").contains("Prospect St");
		assertThat(request.path("description").asString()).isEqualTo("huge pothole at mass ave and prospect st");
		assertThat(requestsFrom(phone)).isEqualTo(1);
		assertThat(twilio.sentTo(phone)).singleElement()
			.satisfies((sent) -> assertThat(sent).containsEntry("From", CITY_NUMBER)
				.containsEntry("StatusCallback", "http://localhost:" + PORT + "/channels/twilio/status"));
	}

	@Test
	void anMmsPhotoGivesTheLocationFromItsGpsAndIsServedWithoutIt() throws Exception {
		String phone = newNumber();
		String mediaPath = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/MM" + phone.substring(1) + "/Media/ME1";
		twilio.media(mediaPath, TwilioApiStub.bytes("/sandbox/iphone_photo_gps.jpg"), "image/jpeg");
		Map<String, String> mms = form("mms_inbound_jpeg_us.form", phone, "overflowing trash can");
		mms.put("MediaUrl0", twilio.baseUrl() + mediaPath);

		assertThat(post(mms)).isEqualTo(200);

		String id = requestId(reply(phone, 1));
		JsonNode request = request(id);
		assertThat(request.path("service_code").asString()).isEqualTo("trash-overflow");
		assertThat(request.path("lat").asDouble()).isCloseTo(42.367320, within(0.00001));
		assertThat(request.path("long").asDouble()).isCloseTo(-71.105690, within(0.00001));
		assertThat(request.path("address").asString()).isNotBlank();
		String mediaUrl = request.path("media_url").asString();
		assertThat(mediaUrl).startsWith("http://localhost:" + PORT + "/media/");
		HttpResponse<byte[]> photo = java.net.http.HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(mediaUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(photo.statusCode()).isEqualTo(200);
		assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo.body()));
		assertThat(metadata.getDirectoriesOfType(GpsDirectory.class)).isEmpty();
		assertThat(new String(photo.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("Resident Name");
	}

	@Test
	void aWhatsappReportWithoutPlaceIsCompletedByAPinAndAnAnswer() {
		String phone = newNumber();
		String whatsapp = "whatsapp:" + phone;
		assertThat(post(form("whatsapp_inbound_text.form", whatsapp, "graffiti on the wall"))).isEqualTo(200);
		assertThat(reply(whatsapp, 1)).startsWith("Got it: Graffiti. Where is it? Share a location pin");

		Map<String, String> outside = form("whatsapp_inbound_location.form", whatsapp, "");
		assertThat(post(outside)).isEqualTo(200);
		assertThat(reply(whatsapp, 2)).contains("outside Cambridge");

		Map<String, String> pin = form("whatsapp_inbound_location.form", whatsapp, "");
		pin.put("Latitude", "42.36545");
		pin.put("Longitude", "-71.10388");
		pin.remove("Address");
		pin.remove("Label");
		assertThat(post(pin)).isEqualTo(200);
		assertThat(reply(whatsapp, 3)).startsWith("What is the graffiti on?").contains("1) ");

		assertThat(post(form("whatsapp_inbound_text.form", whatsapp, "1"))).isEqualTo(200);
		String id = requestId(reply(whatsapp, 4));
		JsonNode request = request(id);
		assertThat(request.path("service_code").asString()).isEqualTo("graffiti");
		assertThat(request.path("lat").asDouble()).isCloseTo(42.36545, within(0.00001));
		assertThat(request.path("address").asString()).as("reverse geocoded").isNotBlank();
		assertThat(twilio.sentTo(whatsapp))
			.allSatisfy((sent) -> assertThat(sent).containsEntry("From", "whatsapp:" + CITY_NUMBER));
	}

	@Test
	void unsignedOrBadlySignedWebhooksAreRefusedAndNothingIsStored() {
		String phone = newNumber();
		Map<String, String> message = form("sms_inbound_messaging_service_tollfree.form", phone, "pothole on elm st");
		String url = "http://localhost:" + PORT + "/channels/twilio/messages";
		assertThat(postSigned(url, message, null).statusCode()).isEqualTo(403);
		assertThat(postSigned(url, message, "bm90IGEgc2lnbmF0dXJl").statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from inbound_message where provider_message_id = :sid")
			.param("sid", message.get("MessageSid"))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void signedRequestsWithoutTheirRequiredFieldsAre400WithTheReason() {
		String phone = newNumber();
		Map<String, String> noSender = form("sms_inbound_messaging_service_tollfree.form", phone, "hello");
		noSender.remove("From");
		Map<String, String> noSid = form("sms_inbound_messaging_service_tollfree.form", phone, "hello");
		noSid.remove("MessageSid");
		noSid.remove("SmsSid");
		noSid.remove("SmsMessageSid");
		for (Map<String, String> bad : List.of(noSender, noSid)) {
			String url = "http://localhost:" + PORT + "/channels/twilio/messages";
			Map<String, List<String>> params = new java.util.LinkedHashMap<>();
			bad.forEach((k, v) -> params.put(k, List.of(v)));
			HttpResponse<String> response = postSigned(url, bad,
					new org.frontdoor.channels.sms.twilio.TwilioSignature(AUTH_TOKEN).sign(url, params));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).containsAnyOf("From is missing", "MessageSid");
		}
	}

	@Test
	void theSameMessageSidDeliveredThreeTimesMakesOneRequest() {
		String phone = newNumber();
		Map<String, String> message = form("sms_inbound_messaging_service_tollfree.form", phone,
				"pothole at 300 cambridge st");
		for (int i = 0; i < 3; i++) {
			assertThat(post(message)).isEqualTo(200);
		}
		requestId(reply(phone, 1));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
			assertThat(twilio.sentTo(phone)).hasSize(1);
			assertThat(requestsFrom(phone)).isEqualTo(1);
		});
	}

	@Test
	void twilioAnswering429Then500Then201DeliversTheConfirmationOnce() {
		String phone = newNumber();
		twilio.failNext(phone, 429, 500);
		assertThat(text(phone, "pothole at main st and vassar st")).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(twilio.sentTo(phone)).hasSize(3));
		List<String> attempts = twilio.bodiesTo(phone);
		assertThat(attempts).containsOnly(attempts.get(0));
		assertThat(attempts.get(0)).contains("#" + requestId(attempts.get(0)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select state from outbound_message where recipient = :to")
				.param("to", "tel:" + phone)
				.query(String.class)
				.list()).containsExactly("DONE"));
		await().during(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(twilio.sentTo(phone)).hasSize(3));
	}

}
