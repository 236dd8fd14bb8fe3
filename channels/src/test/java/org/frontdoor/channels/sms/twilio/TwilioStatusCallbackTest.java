package org.frontdoor.channels.sms.twilio;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.DeliveryReport;
import org.frontdoor.channels.core.SendException.Policy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioStatusCallbackTest extends TwilioWebhookTestBase {

	static final String PATH = "/channels/twilio/status";

	static final String URL = TwilioFixtures.PUBLIC_BASE_URL + PATH;

	@LocalServerPort
	int port;

	@Autowired
	RecordingDeliveryReportListener listener;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.listener.clear();
		this.client = new WebhookClient(this.port);
	}

	static Stream<Arguments> callbacks() {
		return Stream.of(
				Arguments.of("sms_status_delivered.form", Channel.SMS, "SM1fc5c260adf048999bce1a51c6a3565f",
						"delivered", null, null),
				Arguments.of("sms_status_delivered_rawdlr.form", Channel.SMS, "SMyyy", "delivered", null, null),
				Arguments.of("va_status_accepted_odd_field.form", Channel.SMS, "S2e7028c0e0a6f3f64ac77a8af49edff7",
						"accepted", null, null),
				Arguments.of("va_status_scheduled.form", Channel.SMS, "SMyyy", "scheduled", null, null),
				Arguments.of("va_status_queued.form", Channel.SMS, "SMyyy", "queued", null, null),
				Arguments.of("va_status_sending.form", Channel.SMS, "SMyyy", "sending", null, null),
				Arguments.of("va_status_sent.form", Channel.SMS, "SMyyy", "sent", null, null),
				Arguments.of("va_status_canceled.form", Channel.SMS, "SMyyy", "canceled", null, null),
				Arguments.of("va_status_undelivered.form", Channel.SMS, "SMyyy", "undelivered", null, Policy.GIVE_UP),
				Arguments.of("va_status_failed.form", Channel.SMS, "SMyyy", "failed", null, Policy.GIVE_UP),
				Arguments.of("va_status_failed_errorcode_no_messagestatus.form", Channel.SMS, "SMyyy", "failed",
						"30011", Policy.GIVE_UP),
				Arguments.of("team_status_failed_21610.form", Channel.SMS, "SM9d2c4e6a8b0f1e3d5c7a9b1d3f5e7a92",
						"failed", "21610", Policy.OPT_OUT),
				Arguments.of("whatsapp_status_sent.form", Channel.WHATSAPP, "SM0cec4ed334e74bcbb64eb8b6684e9654",
						"sent", null, null),
				Arguments.of("whatsapp_status_delivered.form", Channel.WHATSAPP, "SMdf55df64a2ff4920bb0748193cfbb640",
						"delivered", null, null),
				Arguments.of("team_whatsapp_status_read.form", Channel.WHATSAPP, "SM3e5a7c9b1d2f4e6a8c0b2d4f6a8c0e13",
						"read", null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("callbacks")
	void everyCapturedStatusBecomesOneDeliveryReport(String fixture, Channel channel, String sid, String status,
			String errorCode, Policy policy) throws Exception {
		HttpResponse<String> response = this.client.post(PATH, TwilioFixtures.form(fixture), URL);

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.listener.all()).hasSize(1);
		DeliveryReport report = this.listener.all().get(0);
		assertThat(report.channel()).isEqualTo(channel);
		assertThat(report.providerMessageId()).isEqualTo(sid);
		assertThat(report.status()).isEqualTo(status);
		assertThat(report.errorCode()).isEqualTo(errorCode);
		assertThat(report.policy()).isEqualTo(policy);
		assertThat(report.reportedAt()).isNotNull();
	}

	@Test
	void unsignedCallbacksAreRefused() throws Exception {
		HttpResponse<String> response = this.client.post(PATH, TwilioFixtures.form("va_status_failed.form"), null);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.listener.all()).isEmpty();
	}

	@Test
	void aCallbackSignedForTheMessagesUrlIsRefused() throws Exception {
		HttpResponse<String> response = this.client.post(PATH, TwilioFixtures.form("va_status_failed.form"),
				TwilioFixtures.PUBLIC_BASE_URL + "/channels/twilio/messages");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.listener.all()).isEmpty();
	}

	static Stream<Arguments> incomplete() {
		Map<String, List<String>> form = TwilioFixtures.form("va_status_sent.form");
		return Stream.of(
				Arguments.of(TwilioFixtures.with(TwilioFixtures.with(form, "MessageSid", null), "SmsSid", null),
						"MessageSid is missing"),
				Arguments.of(TwilioFixtures.with(TwilioFixtures.with(form, "MessageStatus", null), "SmsStatus", null),
						"MessageStatus is missing"),
				Arguments.of(TwilioFixtures.with(form, "AccountSid", null), "AccountSid is missing"));
	}

	@ParameterizedTest
	@MethodSource("incomplete")
	void incompleteCallbacksAreRefusedWithAReason(Map<String, List<String>> form, String reason) throws Exception {
		HttpResponse<String> response = this.client.post(PATH, form, URL);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains(reason);
		assertThat(this.listener.all()).isEmpty();
	}

}
