package org.frontdoor.gateway.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.channels.chat.outbound.ChatHeaders;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.OutboundMessage.QuickReply;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.gateway.chat.ChatHttp.EventStream;
import org.frontdoor.gateway.chat.ChatHttp.Session;
import org.frontdoor.gateway.chat.ChatHttp.Sse;
import org.frontdoor.gateway.persistence.QueueControl;
import org.frontdoor.gateway.persistence.QueueNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The chat API's read side: the chat {@link OutboundSender} appends to the session's
 * event log and open streams receive it as server-sent events; resuming with
 * {@code Last-Event-ID} replays exactly what was missed; heartbeats; the token as query
 * parameter; idempotent delivery; refusals.
 */
@ChatApiContext
class ChatEventStreamTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<OutboundSender> senders;

	@Autowired
	QueueControl queues;

	ChatHttp http;

	@BeforeEach
	void setUp() {
		this.http = new ChatHttp(this.port);
		this.jdbc.sql("delete from chat_rate_limit").update();
	}

	@Test
	void theChatSenderIsTheOneForChatAndRepliesWithQuickRepliesReachAnOpenStream() throws Exception {
		// the conversation engine would answer the resident's message on the same stream,
		// in between the replies this test sends: the inbound queue stays halted
		// meanwhile
		this.queues.halt(QueueNames.INBOUND, "ChatEventStreamTest plays the server side");
		try {
			repliesReachAnOpenStream();
		}
		finally {
			this.queues.resume(QueueNames.INBOUND);
		}
	}

	private void repliesReachAnOpenStream() throws Exception {
		assertThat(this.senders.stream().filter((s) -> s.supports(Channel.CHAT))).hasSize(1);
		Session session = this.http.newSession();
		try (EventStream stream = this.http.events(session, null)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
			assertThat(stream.header("Cache-Control")).contains("no-cache");
			assertThat(this.http.sendText(session, "graffiti on the wall").status()).isEqualTo(202);
			Sse echo = stream.next(WAIT);
			assertThat(echo.event()).isEqualTo("resident");
			assertThat(echo.id()).isEqualTo("1");
			assertThat(echo.json().get("text").asString()).isEqualTo("graffiti on the wall");
			assertThat(echo.json().get("author").asString()).isEqualTo("resident");

			OutboundMessage question = reply(session, "Where is the graffiti?",
					List.of(new QuickReply("On a wall", "1"), new QuickReply("On a sign", "2")),
					Map.of(ChatHeaders.LANGUAGE, "en"));
			OutboundSender.SendReceipt receipt = chatSender().send(question);
			assertThat(receipt.providerMessageId()).isEqualTo(session.id() + "/2");
			Sse reply = stream.next(WAIT);
			assertThat(reply.event()).isEqualTo("reply");
			assertThat(reply.id()).isEqualTo("2");
			JsonNode data = reply.json();
			assertThat(data.get("id").asLong()).isEqualTo(2);
			assertThat(data.get("type").asString()).isEqualTo("reply");
			assertThat(data.get("author").asString()).isEqualTo("city");
			assertThat(data.get("text").asString()).isEqualTo("Where is the graffiti?");
			assertThat(data.get("locale").asString()).isEqualTo("en");
			assertThat(data.get("quickReplies").get(0).get("label").asString()).isEqualTo("On a wall");
			assertThat(data.get("quickReplies").get(1).get("value").asString()).isEqualTo("2");
			assertThat(data.get("at").asString()).endsWith("Z");

			chatSender().send(reply(session, "Your request #1042 is now closed: cleaned.", List.of(),
					Map.of(ChatHeaders.KIND, "status", ChatHeaders.SERVICE_REQUEST_ID, "1042", ChatHeaders.STATUS,
							"closed", ChatHeaders.STATUS_DETAIL, "Graffiti removed")));
			Sse status = stream.next(WAIT);
			assertThat(status.event()).isEqualTo("status");
			assertThat(status.json().get("request").get("id").asString()).isEqualTo("1042");
			assertThat(status.json().get("request").get("status").asString()).isEqualTo("closed");
			assertThat(status.json().get("request").get("statusDetail").asString()).isEqualTo("Graffiti removed");
		}
	}

	@Test
	void resumingWithLastEventIdReplaysOnlyWhatWasMissed() throws Exception {
		Session session = this.http.newSession();
		for (int i = 1; i <= 3; i++) {
			chatSender().send(reply(session, "reply " + i, List.of(), Map.of()));
		}
		try (EventStream stream = this.http.events(session, 1L)) {
			assertThat(stream.next(WAIT).json().get("text").asString()).isEqualTo("reply 2");
			assertThat(stream.next(WAIT).json().get("text").asString()).isEqualTo("reply 3");
			chatSender().send(reply(session, "reply 4", List.of(), Map.of()));
			Sse live = stream.next(WAIT);
			assertThat(live.id()).isEqualTo("4");
			assertThat(live.json().get("text").asString()).isEqualTo("reply 4");
		}
		try (EventStream resumed = this.http.events(session, 4L)) {
			assertThat(resumed.poll(Duration.ofMillis(1500))).isNull();
			chatSender().send(reply(session, "reply 5", List.of(), Map.of()));
			assertThat(resumed.next(WAIT).id()).isEqualTo("5");
		}
	}

	@Test
	void withoutLastEventIdTheStreamReplaysTheConfiguredHistory() throws Exception {
		Session session = this.http.newSession();
		for (int i = 1; i <= 7; i++) {
			chatSender().send(reply(session, "reply " + i, List.of(), Map.of()));
		}
		try (EventStream stream = this.http.events(session, null)) {
			// history-limit=5 in this context: events 3..7
			for (int i = 3; i <= 7; i++) {
				assertThat(stream.next(WAIT).id()).isEqualTo(Integer.toString(i));
			}
		}
	}

	@Test
	void idleStreamsSendHeartbeatsAndTheRetryDelay() throws Exception {
		Session session = this.http.newSession();
		try (EventStream stream = this.http.events(session, null)) {
			String heartbeat = null;
			for (int i = 0; i < 5 && !"heartbeat".equals(heartbeat); i++) {
				heartbeat = stream.nextComment(Duration.ofSeconds(3));
			}
			assertThat(heartbeat).isEqualTo("heartbeat");
			assertThat(stream.fieldLines()).contains("retry: 3000");
		}
	}

	@Test
	void eventSourceClientsMaySendTheTokenAsAQueryParameter() throws Exception {
		Session session = this.http.newSession();
		chatSender().send(reply(session, "hello", List.of(), Map.of()));
		try (EventStream stream = this.http.events(
				"/api/chat/sessions/" + session.id() + "/events?access_token=" + session.token() + "&lastEventId=0",
				Map.of("Accept", "text/event-stream"))) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.next(WAIT).json().get("text").asString()).isEqualTo("hello");
		}
		try (EventStream forged = this.http
			.events("/api/chat/sessions/" + session.id() + "/events?access_token=" + "A".repeat(43), Map.of())) {
			assertThat(forged.status()).isEqualTo(403);
			assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void streamsAreRefusedLikeMessages() throws Exception {
		Session session = this.http.newSession();
		try (EventStream missing = this.http.events("/api/chat/sessions/" + session.id() + "/events", Map.of())) {
			assertThat(missing.status()).isEqualTo(401);
			assertThat(missing.bodyIfError()).contains("urn:frontdoor:problem:chat:token-missing");
		}
		try (EventStream unknown = this.http.events("/api/chat/sessions/" + UUID.randomUUID() + "/events",
				Map.of("Authorization", "Bearer " + session.token()))) {
			assertThat(unknown.status()).isEqualTo(404);
		}
		try (EventStream badResume = this.http.events("/api/chat/sessions/" + session.id() + "/events",
				Map.of("Authorization", "Bearer " + session.token(), "Last-Event-ID", "minus-one"))) {
			assertThat(badResume.status()).isEqualTo(400);
			assertThat(badResume.bodyIfError()).contains("Last-Event-ID");
		}
		try (EventStream foreign = this.http.events("/api/chat/sessions/" + session.id() + "/events",
				Map.of("Authorization", "Bearer " + session.token(), "Origin", "https://evil.example"))) {
			assertThat(foreign.status()).isEqualTo(403);
		}
		this.jdbc.sql("update chat_session set expires_at = now() - interval '1 second' where id = :id")
			.param("id", UUID.fromString(session.id()))
			.update();
		try (EventStream expired = this.http.events(session, null)) {
			assertThat(expired.status()).isEqualTo(410);
		}
	}

	@Test
	void deliveringTheSameOutboundMessageTwiceAppendsOnce() throws Exception {
		Session session = this.http.newSession();
		OutboundMessage message = reply(session, "Thanks, request #77 is filed.", List.of(), Map.of());
		OutboundSender.SendReceipt first = chatSender().send(message);
		OutboundSender.SendReceipt again = chatSender().send(message);
		assertThat(again).isEqualTo(first);
		assertThat(this.jdbc.sql("select count(*) from chat_event where session_id = :id")
			.param("id", UUID.fromString(session.id()))
			.query(Integer.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("select last_event_seq from chat_session where id = :id")
			.param("id", UUID.fromString(session.id()))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void messagesForUnknownOrExpiredSessionsAreGivenUpWithTheReason() {
		OutboundMessage unknown = new OutboundMessage(UUID.randomUUID(), Channel.CHAT, "chat:" + UUID.randomUUID(),
				null, "hello", null, null, List.of(), List.of(), Map.of());
		assertThatExceptionOfType(SendException.class).isThrownBy(() -> chatSender().send(unknown))
			.satisfies((ex) -> assertThat(ex.policy()).isEqualTo(SendException.Policy.GIVE_UP))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unknown-session"));
		OutboundMessage badAddress = new OutboundMessage(UUID.randomUUID(), Channel.CHAT, "tel:+16175550100", null,
				"hello", null, null, List.of(), List.of(), Map.of());
		assertThatExceptionOfType(SendException.class).isThrownBy(() -> chatSender().send(badAddress))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("bad-address"));
		Session session = this.http.newSession();
		this.jdbc.sql("update chat_session set expires_at = now() - interval '1 second' where id = :id")
			.param("id", UUID.fromString(session.id()))
			.update();
		assertThatExceptionOfType(SendException.class)
			.isThrownBy(() -> chatSender().send(reply(session, "too late", List.of(), Map.of())))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("session-expired"));
	}

	private OutboundSender chatSender() {
		return this.senders.stream().filter((s) -> s.supports(Channel.CHAT)).findFirst().orElseThrow();
	}

	static OutboundMessage reply(Session session, String text, List<QuickReply> quickReplies,
			Map<String, String> headers) {
		return new OutboundMessage(UUID.randomUUID(), Channel.CHAT, "chat:" + session.id(), null, text, null, null,
				quickReplies, List.of(), headers);
	}

}
