package org.frontdoor.gateway.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.gateway.open311.Open311Error;
import org.frontdoor.gateway.outbox.SubmissionFailedEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same engine for chat and email (their adapters store messages the same way; here
 * they are stored directly and the queued replies read from the outbox, since those
 * channels' senders live on other branches), WhatsApp templates outside the 24-hour
 * window, a backend rejection turned into a question, and the per-resident rate limit.
 */
class OtherChannelsTest extends IntakeTestSupport {

	@Autowired
	InboundMessageStore store;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	RateLimiter rateLimiter;

	@Autowired
	SubmissionOutcomes outcomes;

	@Test
	void chatGetsQuickRepliesForMenusAndItsSessionIsTheConversation() {
		String session = UUID.randomUUID().toString();
		chat(session, "trash pickup", Map.of());
		OutboundMessage menu = outbound("chat:" + session, 1).get(0);
		assertThat(menu.quickReplies()).extracting(OutboundMessage.QuickReply::value).contains("1", "0");
		assertThat(menu.headers()).containsEntry("FrontDoor-Kind", "reply").containsEntry("Content-Language", "en");

		chat(session, "1", Map.of("quickReplyLabel", "Missed pickup"));
		chat(session, "12 Norfolk St", Map.of());
		OutboundMessage question = outbound("chat:" + session, 3).get(2);
		assertThat(question.text()).startsWith("What was not picked up?");
		assertThat(question.quickReplies()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from conversation where thread_key = :session")
			.param("session", session)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void chatLanguageChosenInTheWidgetWins() {
		String session = UUID.randomUUID().toString();
		chat(session, "pothole", Map.of("locale", "es", "localeSource", "user"));
		OutboundMessage reply = outbound("chat:" + session, 1).get(0);
		assertThat(reply.text()).startsWith("Entendido: Pothole.");
		assertThat(reply.headers()).containsEntry("Content-Language", "es");
	}

	@Test
	void emailRepliesStayInTheResidentsThread() {
		String address = "mailto:resident-" + UUID.randomUUID() + "@example.org";
		String first = "<" + UUID.randomUUID() + "@mail.example.org>";
		email(address, first, first, "Pothole", "huge pothole", Map.of("email.message-id", first));
		OutboundMessage ask = outbound(address, 1).get(0);
		assertThat(ask.headers()).containsEntry("In-Reply-To", first)
			.containsEntry("References", first)
			.containsEntry("Auto-Submitted", "auto-replied");
		assertThat(ask.subject()).isNotBlank();
		assertThat(ask.html()).isNotBlank();

		String second = "<" + UUID.randomUUID() + "@mail.example.org>";
		email(address, second, first, "Re: Pothole", "it's at 1 brattle sq",
				Map.of("email.message-id", second, "email.references", first, "email.in-reply-to", first));
		OutboundMessage confirmation = outbound(address, 2).get(1);
		assertThat(confirmation.text()).contains("#");
		assertThat(confirmation.headers()).containsEntry("In-Reply-To", second)
			.containsEntry("References", first + " " + second);
		assertThat(this.jdbc.sql("select count(*) from conversation where address = :address")
			.param("address", address)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whatsappStatusUpdatesAfterTheWindowGoAsTheApprovedTemplate() {
		String whatsapp = "whatsapp:" + newNumber();
		post(form("whatsapp_inbound_text.form", whatsapp, "graffiti on the wall at 1 brattle sq"));
		reply(whatsapp, 1);
		post(form("whatsapp_inbound_text.form", whatsapp, "2"));
		String id = requestId(reply(whatsapp, 2));

		this.clock.advance(Duration.ofHours(25));
		staffSets(id, "closed", "Removed");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(twilio.sentTo(whatsapp)).hasSize(3));
		Map<String, String> update = twilio.sentTo(whatsapp).get(2);
		assertThat(update).containsEntry("ContentSid", WHATSAPP_TEMPLATE)
			.containsEntry("ContentVariables", "{\"1\":\"#" + id + "\",\"2\":\"closed\"}")
			.doesNotContainKey("Body");
	}

	@Test
	void aBackendRejectionTheResidentCanAnswerBecomesAQuestion() {
		String phone = newNumber();
		text(phone, "abandoned car at 1 brattle sq");
		assertThat(reply(phone, 1)).startsWith("What does the vehicle look like?");
		UUID conversation = this.jdbc
			.sql("select id from conversation where address = :address order by created_at desc limit 1")
			.param("address", "tel:" + phone)
			.query(UUID.class)
			.single();
		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new SubmissionFailedEvent(UUID.randomUUID(), conversation, true,
						List.of(new Open311Error("400", "attribute[days_parked]: not a number")), "rejected")));
		assertThat(reply(phone, 2)).startsWith("For about how many days has it not moved?");
		assertThat(this.jdbc.sql("select phase from conversation where id = :id")
			.param("id", conversation)
			.query(String.class)
			.single()).isEqualTo("OPEN");
	}

	@Test
	void rejectionsMapToTheQuestionTheBackendWants() {
		Report report = Report.empty()
			.withService("abandoned-vehicle")
			.withPlace(new Place(42.37, -71.11, "1 Brattle Cir", LocationSource.TEXT))
			.withAttribute("vehicle", List.of("blue car"))
			.withAttribute("days_parked", List.of("3"));
		ConversationState submitted = new ConversationState(report, null);
		assertThat(this.outcomes.askAgain(submitted, List.of(new Open311Error("400", "attribute[vehicle]: too long"))))
			.hasValueSatisfying((state) -> {
				assertThat(state.pending().attribute()).isEqualTo("vehicle");
				assertThat(state.report().attributes()).doesNotContainKey("vehicle").containsKey("days_parked");
			});
		assertThat(this.outcomes.askAgain(submitted,
				List.of(new Open311Error("400", "lat/long: outside the jurisdiction"))))
			.hasValueSatisfying((state) -> {
				assertThat(state.pending().kind()).isEqualTo(Question.Kind.LOCATION);
				assertThat(state.report().place()).isNull();
			});
		assertThat(this.outcomes.askAgain(submitted, List.of(new Open311Error("400", "api_key: invalid")))).isEmpty();
		assertThat(this.outcomes.askAgain(submitted, List.of(new Open311Error("400", "attribute[external_id]: bad"))))
			.isEmpty();
	}

	@Test
	void theRateLimitCountsOneResidentAcrossChannels() {
		String identity = "tel:" + newNumber();
		Instant now = this.clock.instant();
		for (int i = 1; i <= 30; i++) {
			assertThat(this.rateLimiter.count(identity, now).allowed()).as("message " + i).isTrue();
		}
		RateLimiter.Verdict refused = this.rateLimiter.count(identity, now);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.firstRefused()).isTrue();
		assertThat(this.rateLimiter.count(identity, now).firstRefused()).isFalse();
		assertThat(org.frontdoor.gateway.reply.Residents.identityOf("whatsapp:+16175550123"))
			.isEqualTo(org.frontdoor.gateway.reply.Residents.identityOf("tel:+16175550123"));
	}

	private void chat(String session, String text, Map<String, String> metadata) {
		this.store.store(new InboundMessage(UUID.randomUUID(), Channel.CHAT, "chat", session + ":" + UUID.randomUUID(),
				"chat:" + session, null, text, null, List.of(), null, session, metadata, Instant.now()));
	}

	private void email(String from, String messageId, String threadKey, String subject, String text,
			Map<String, String> metadata) {
		this.store.store(new InboundMessage(UUID.randomUUID(), Channel.EMAIL, "imap", messageId, from,
				"mailto:311@cambridge.example", text, subject, List.of(), null, threadKey, metadata, Instant.now()));
	}

	/**
	 * The messages queued for a recipient (their channel has no sender on this branch).
	 */
	private List<OutboundMessage> outbound(String recipient, int count) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(queued(recipient)).hasSizeGreaterThanOrEqualTo(count));
		return queued(recipient);
	}

	private List<OutboundMessage> queued(String recipient) {
		return this.jdbc
			.sql("select message::text from outbound_message where recipient = :to order by created_at, dedupe_key")
			.param("to", recipient)
			.query(String.class)
			.list()
			.stream()
			.map((text) -> this.json.readValue(text, OutboundMessage.class))
			.toList();
	}

}
