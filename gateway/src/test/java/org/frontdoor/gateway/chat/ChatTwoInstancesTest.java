package org.frontdoor.gateway.chat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontdoor.channels.chat.outbound.ChatHeaders;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage.QuickReply;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.gateway.FrontDoorApplication;
import org.frontdoor.gateway.chat.ChatHttp.EventStream;
import org.frontdoor.gateway.chat.ChatHttp.Session;
import org.frontdoor.gateway.chat.ChatHttp.Sse;
import org.frontdoor.gateway.persistence.ChatEventNotifications;
import org.frontdoor.gateway.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances on one PostgreSQL: a session opened on instance A is served by
 * instance B, an event appended through A's chat sender reaches a stream open on B
 * (PostgreSQL {@code LISTEN/NOTIFY}, not the heartbeat re-read: the heartbeat is set to a
 * minute here), and the rate limits count across both instances.
 */
class ChatTwoInstancesTest {

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstances() {
		TestPostgres.TestDatabase database = TestPostgres.createDatabase();
		a = start(database);
		b = start(database);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	private static ConfigurableApplicationContext start(TestPostgres.TestDatabase database) {
		Map<String, Object> properties = new HashMap<>(database.properties());
		properties.put("server.port", "0");
		properties.put("frontdoor.admin.password", "test");
		properties.put("frontdoor.admin.staff.password", "test");
		properties.put("frontdoor.channels.chat.heartbeat-interval", "60s");
		properties.put("frontdoor.channels.chat.rate-limits.messages-per-session.requests", "3");
		properties.put("frontdoor.channels.chat.rate-limits.messages-per-session.window", "1h");
		// as command-line arguments: they must win over application.yml (default
		// properties would not)
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(FrontDoorApplication.class).run(args);
	}

	private static ChatHttp http(ConfigurableApplicationContext context) {
		return new ChatHttp(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	@Test
	void anEventWrittenOnInstanceAIsStreamedByInstanceB() throws Exception {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> b.getBean(ChatEventNotifications.class).isListening()
					&& a.getBean(ChatEventNotifications.class).isListening());
		ChatHttp onA = http(a);
		ChatHttp onB = http(b);
		Session session = onA.newSession();
		try (EventStream stream = onB.events(session, null)) {
			assertThat(stream.status()).isEqualTo(200);
			OutboundSender senderOnA = a.getBeansOfType(OutboundSender.class)
				.values()
				.stream()
				.filter((s) -> s.supports(Channel.CHAT))
				.findFirst()
				.orElseThrow();
			long sent = System.nanoTime();
			senderOnA.send(ChatEventStreamTest.reply(session, "Which wall? Pick one.",
					List.of(new QuickReply("Brick", "1"), new QuickReply("Concrete", "2")),
					Map.of(ChatHeaders.LANGUAGE, "en")));
			Sse reply = stream.next(Duration.ofSeconds(10));
			Duration latency = Duration.ofNanos(System.nanoTime() - sent);
			assertThat(reply.event()).isEqualTo("reply");
			assertThat(reply.json().get("quickReplies").size()).isEqualTo(2);
			// far below the 60 s heartbeat: it was the notification that woke the stream
			assertThat(latency).isLessThan(Duration.ofSeconds(5));

			assertThat(onA.sendText(session, "a brick wall").status()).isEqualTo(202);
			Sse echo = stream.next(Duration.ofSeconds(10));
			assertThat(echo.event()).isEqualTo("resident");
			assertThat(echo.id()).isEqualTo("2");
		}
	}

	@Test
	void rateLimitsCountAcrossInstances() {
		Session session = http(a).newSession();
		assertThat(http(a).sendText(session, "one").status()).isEqualTo(202);
		assertThat(http(b).sendText(session, "two").status()).isEqualTo(202);
		assertThat(http(a).sendText(session, "three").status()).isEqualTo(202);
		ChatHttp.Response limited = http(b).sendText(session, "four");
		ChatApiTest.assertProblem(limited, 429, "rate-limited", "at most 3 per hour");
	}

}
