package org.frontdoor.gateway.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.gateway.reply.Audience;
import org.frontdoor.gateway.reply.ReplyComposer;
import org.frontdoor.templates.MenuOption;
import org.frontdoor.templates.TemplateKey;
import org.frontdoor.templates.Templates;
import org.frontdoor.templates.TemplatesConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies fit their channel: chat gets quick replies and the chat sender's headers, email
 * is threaded and marked automatic, WhatsApp outside the 24-hour window goes as a
 * template, SMS stays plain.
 */
class ReplyComposerTest {

	static final ReplyComposer composer = new ReplyComposer(
			new Templates(TemplatesConfig.of("Cambridge", "617-349-4800, cambridgema.gov/311")));

	static Audience to(Channel channel, String address, Map<String, String> thread) {
		return new Audience(UUID.randomUUID(), UUID.randomUUID(), channel, address, null, Locale.ENGLISH, thread, null);
	}

	@Test
	void chatMenusComeWithButtonsAndTheChatHeaders() {
		OutboundMessage message = composer
			.compose(UUID.randomUUID(), to(Channel.CHAT, "chat:s1", Map.of()), TemplateKey.ASK_SERVICE,
					Map.of("options", List.of(new MenuOption(1, "Graffiti"), new MenuOption(2, "Damaged Sign"))),
					ReplyComposer.Extras.REPLY)
			.message();
		assertThat(message.quickReplies()).extracting(OutboundMessage.QuickReply::value).containsExactly("1", "2", "0");
		assertThat(message.headers()).containsEntry("FrontDoor-Kind", "reply").containsEntry("Content-Language", "en");
	}

	@Test
	void chatStatusUpdatesSayWhichRequestAndStatus() {
		OutboundMessage message = composer
			.compose(UUID.randomUUID(), to(Channel.CHAT, "chat:s1", Map.of()), TemplateKey.STATUS_UPDATE_CLOSED,
					Map.of("requestId", "1042"), new ReplyComposer.Extras(true, "1042", "closed", "closed", null))
			.message();
		assertThat(message.headers()).containsEntry("FrontDoor-Kind", "status")
			.containsEntry("FrontDoor-Service-Request-Id", "1042")
			.containsEntry("FrontDoor-Status", "closed");
	}

	@Test
	void emailRepliesAreThreadedAndAutomatic() {
		Map<String, String> thread = Map.of("email.message-id", "<b@resident.example>", "email.references",
				"<a@resident.example>");
		OutboundMessage message = composer
			.compose(UUID.randomUUID(), to(Channel.EMAIL, "mailto:resident@example.org", thread), TemplateKey.SUBMITTED,
					Map.of("requestId", "1042"), ReplyComposer.Extras.about("1042"))
			.message();
		assertThat(message.headers()).containsEntry("In-Reply-To", "<b@resident.example>")
			.containsEntry("References", "<a@resident.example> <b@resident.example>")
			.containsEntry("Auto-Submitted", "auto-replied");
		assertThat(message.subject()).isNotBlank();
		assertThat(message.html()).contains("1042");
		OutboundMessage update = composer
			.compose(UUID.randomUUID(), to(Channel.EMAIL, "mailto:resident@example.org", thread),
					TemplateKey.STATUS_UPDATE_CLOSED, Map.of("requestId", "1042"),
					new ReplyComposer.Extras(true, "1042", "closed", "closed", null))
			.message();
		assertThat(update.headers()).containsEntry("Auto-Submitted", "auto-generated");
	}

	@Test
	void whatsappOutsideTheWindowGoesAsTheConfiguredTemplate() {
		OutboundMessage message = composer
			.compose(UUID.randomUUID(), to(Channel.WHATSAPP, "whatsapp:+16175550123", Map.of()),
					TemplateKey.STATUS_UPDATE_CLOSED, Map.of("requestId", "1042"),
					new ReplyComposer.Extras(true, "1042", "closed", "Closed \"fixed\"", "status-update"))
			.message();
		assertThat(message.headers()).containsEntry("twilio.template", "status-update")
			.containsEntry("twilio.content-variables", "{\"1\":\"#1042\",\"2\":\"Closed \\\"fixed\\\"\"}");
	}

	@Test
	void smsIsPlainTextWithinThreeSegments() {
		OutboundMessage message = composer
			.compose(UUID.randomUUID(), to(Channel.SMS, "tel:+16175550123", Map.of()), TemplateKey.SUBMITTED,
					Map.of("requestId", "1042", "serviceName", "Pothole"), ReplyComposer.Extras.about("1042"))
			.message();
		assertThat(message.headers()).isEmpty();
		assertThat(message.quickReplies()).isEmpty();
		assertThat(message.subject()).isNull();
		assertThat(message.text()).contains("#1042").hasSizeLessThanOrEqualTo(3 * 153);
	}

}
