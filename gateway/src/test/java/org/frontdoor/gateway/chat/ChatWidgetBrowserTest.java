package org.frontdoor.gateway.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.frontdoor.channels.chat.outbound.ChatHeaders;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.OutboundMessage.QuickReply;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.gateway.persistence.QueueControl;
import org.frontdoor.gateway.persistence.QueueNames;
import org.frontdoor.gateway.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The widget in a real browser (Debian's chromium, headless, driven by playwright-core)
 * against the real chat API and database: the demo page, sending by keyboard, replies and
 * quick replies rendered from server-sent events and answered with the keyboard, location
 * pin, photo upload, a live status update, automatic and manual language, Escape/Enter,
 * history after a reload, the 360 px layout, screenshots under
 * {@code gateway/target/browser/}. The server side of the dialog is played by this test
 * through the real chat {@link OutboundSender}, so the widget is tested on its own;
 * {@link ChatEndToEndBrowserTest} runs the full scenario with the conversation engine,
 * which is kept out of this test by halting the inbound queue.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdoor.admin.password=test", "frontdoor.admin.staff.password=test" })
@PostgresTest
class ChatWidgetBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	List<OutboundSender> senders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	QueueControl queues;

	@Test
	void theWidgetWorksInARealBrowser() throws Exception {
		ChatBrowser.requirePrerequisites();
		// The conversation engine would answer the messages the browser sends (with its
		// own menus and quick replies, in an order that depends on timing and on the
		// classifier): the inbound queue stays halted while this test plays the server
		// side, so what the widget shows is exactly what the test sent. The stored
		// messages are applied once the queue resumes.
		this.queues.halt(QueueNames.INBOUND, "ChatWidgetBrowserTest plays the server side of the dialog");
		try {
			runTheWidgetScenario();
		}
		finally {
			this.queues.resume(QueueNames.INBOUND);
		}
	}

	private void runTheWidgetScenario() throws Exception {
		Path photo = ChatBrowser.ARTIFACTS.resolve("photo-with-gps.jpg");
		Files.createDirectories(ChatBrowser.ARTIFACTS);
		Files.write(photo, TestPhotos.jpegAt(42.3656, -71.1040));
		Map<String, Function<Map<String, String>, String>> hooks = Map.of("/reply",
				(q) -> send(q, "What is the graffiti on?",
						List.of(new QuickReply("A wall", "1"), new QuickReply("A sign", "2")),
						Map.of(ChatHeaders.LANGUAGE, "en")),
				"/status",
				(q) -> send(q, "Your request #4242 was closed: the graffiti was removed.", List.of(),
						Map.of(ChatHeaders.KIND, "status", ChatHeaders.SERVICE_REQUEST_ID, "4242", ChatHeaders.STATUS,
								"closed")),
				"/offensive",
				(q) -> send(q, "Is it offensive or hateful?",
						List.of(new QuickReply("Yes", "yes"), new QuickReply("No", "no")),
						Map.of(ChatHeaders.LANGUAGE, "en")),
				"/reply-es", (q) -> send(q, "¿Algo más?", List.of(), Map.of(ChatHeaders.LANGUAGE, "es")));
		ChatBrowser.Outcome outcome = ChatBrowser.run("widget", this.port, hooks, photo, 240);
		assertThat(outcome.exitCode()).as("browser test: %s (log in target/browser)", outcome.failure()).isZero();
		assertThat(outcome.output()).contains("DONE: widget");
		assertThat(outcome.passed()).hasSize(15);
		assertThat(ChatBrowser.ARTIFACTS.resolve("chat-widget-360.png")).isNotEmptyFile();

		// what the browser sent was stored as inbound chat messages of its session (other
		// tests share this context and database)
		String session = outcome.output()
			.stream()
			.filter((line) -> line.startsWith("SESSION: "))
			.map((line) -> line.substring(9))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the script printed no session id"));
		List<JsonNode> messages = this.jdbc
			.sql("select payload::text from inbound_message where channel = 'CHAT' and sender = :sender "
					+ "order by created_at")
			.param("sender", "chat:" + session)
			.query(String.class)
			.list()
			.stream()
			.map(ChatHttp.json::readTree)
			.toList();
		assertThat(messages).extracting((m) -> m.get("text").asString())
			.contains("hello from the widget test", "1", "no");
		JsonNode quickReply = messages.stream().filter((m) -> m.get("text").asString().equals("1")).findFirst().get();
		assertThat(quickReply.get("metadata").get("quickReplyLabel").asString()).isEqualTo("A wall");
		JsonNode second = messages.stream().filter((m) -> m.get("text").asString().equals("no")).findFirst().get();
		assertThat(second.get("metadata").get("quickReplyLabel").asString()).isEqualTo("No");
		JsonNode pin = messages.stream().filter((m) -> m.hasNonNull("sharedLocation")).findFirst().orElseThrow();
		assertThat(pin.get("sharedLocation").get("latitude").asDouble()).isCloseTo(42.365613, within(1e-6));
		assertThat(pin.get("sharedLocation").get("longitude").asDouble()).isCloseTo(-71.103774, within(1e-6));
		JsonNode withPhoto = messages.stream().filter((m) -> m.get("media").size() > 0).findFirst().orElseThrow();
		assertThat(withPhoto.get("media").get(0).get("exifLocation").get("latitude").asDouble()).isCloseTo(42.3656,
				within(1e-4));
	}

	private String send(Map<String, String> query, String text, List<QuickReply> quickReplies,
			Map<String, String> headers) {
		OutboundSender chat = this.senders.stream().filter((s) -> s.supports(Channel.CHAT)).findFirst().orElseThrow();
		try {
			return chat
				.send(new OutboundMessage(UUID.randomUUID(), Channel.CHAT, "chat:" + query.get("session"), null, text,
						null, null, quickReplies, List.of(), headers))
				.providerMessageId();
		}
		catch (SendException ex) {
			throw new IllegalStateException(ex.code() + ": " + ex.getMessage(), ex);
		}
	}

}
