package org.frontdoor.channels.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.frontdoor.channels.chat.outbound.ChatEventFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat edge filter's decisions (origins, preflight, declared body size, headers) and
 * the SSE wire format, as tables.
 */
class ChatHttpFilterTest {

	private static final ChatProperties properties = new Binder(new MapConfigurationPropertySource(
			Map.of("frontdoor.channels.chat.allowed-origins", "https://www.city.example/,https://311.city.example",
					"frontdoor.channels.chat.max-json-size", "1KB", "frontdoor.channels.chat.max-photo-size", "100KB")))
		.bind("frontdoor.channels.chat", ChatProperties.class)
		.get();

	static Stream<Arguments> requests() {
		return Stream.of(
				// method, path, origin, content type, length -> status, allow-origin
				// header
				Arguments.of("POST", "/api/chat/sessions", null, null, 0, 200, null),
				Arguments.of("POST", "/api/chat/sessions", "http://gateway.example:8080", null, 0, 200,
						"http://gateway.example:8080"),
				Arguments.of("POST", "/api/chat/sessions", "https://www.city.example", null, 0, 200,
						"https://www.city.example"),
				Arguments.of("POST", "/api/chat/sessions", "HTTPS://311.CITY.EXAMPLE", null, 0, 200,
						"HTTPS://311.CITY.EXAMPLE"),
				Arguments.of("POST", "/api/chat/sessions", "https://city.example.evil.test", null, 0, 403, null),
				Arguments.of("POST", "/api/chat/sessions", "null", null, 0, 403, null),
				Arguments.of("OPTIONS", "/api/chat/sessions", "https://www.city.example", null, 0, 204,
						"https://www.city.example"),
				Arguments.of("POST", "/api/chat/sessions/x/messages", null, "application/json", 1025, 413, null),
				Arguments.of("POST", "/api/chat/sessions/x/messages", null, "application/json", 1024, 200, null),
				Arguments.of("POST", "/api/chat/sessions/x/messages", null, "multipart/form-data; boundary=b",
						100 * 1024 + 1024, 200, null),
				Arguments.of("POST", "/api/chat/sessions/x/messages", null, "multipart/form-data; boundary=b",
						100 * 1024 + ChatProperties.MULTIPART_OVERHEAD + 1, 413, null),
				Arguments.of("GET", "/chat/frontdoor-chat.js", "https://evil.test", null, 0, 200, null));
	}

	@ParameterizedTest(name = "{0} {1} from {2} ({3}, {4} bytes) -> {5}")
	@MethodSource("requests")
	void decides(String method, String path, String origin, String contentType, long length, int status,
			String allowOrigin) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServerName("gateway.example");
		request.setServerPort(8080);
		if (origin != null) {
			request.addHeader("Origin", origin);
		}
		if ("OPTIONS".equals(method)) {
			request.addHeader("Access-Control-Request-Method", "POST");
		}
		if (contentType != null) {
			request.setContentType(contentType);
		}
		if (length > 0) {
			request.setContent(new byte[(int) length]);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		new ChatHttpFilter(properties, JsonMapper.builder().build()).doFilter(request, response, chain);
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(allowOrigin);
		assertThat(chain.getRequest() != null).isEqualTo(status == 200);
		if (status >= 400) {
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(response.getContentAsString()).contains("urn:frontdoor:problem:chat:");
		}
		if (path.startsWith("/api/")) {
			assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
			assertThat(response.getHeader("Content-Security-Policy"))
				.isEqualTo("default-src 'none'; frame-ancestors 'none'");
		}
		else {
			assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(ChatProperties.DEFAULT_CSP);
			assertThat(response.getHeader("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
		}
	}

	static Stream<Arguments> events() {
		UUID session = UUID.fromString("00000000-0000-0000-0000-000000000001");
		Instant at = Instant.parse("2025-05-01T12:00:00Z");
		return Stream.of(Arguments.of(new ChatEvent(session, 7, ChatEventKind.REPLY, "{\"text\": \"hi\"}", at),
				"id: 7\nevent: reply\ndata: {\"id\":7,\"type\":\"reply\",\"at\":\"2025-05-01T12:00:00Z\",\"text\": \"hi\"}\n\n"),
				Arguments.of(new ChatEvent(session, 1, ChatEventKind.STATUS, "{}", at),
						"id: 1\nevent: status\ndata: {\"id\":1,\"type\":\"status\",\"at\":\"2025-05-01T12:00:00Z\"}\n\n"),
				Arguments.of(new ChatEvent(session, 2, ChatEventKind.RESIDENT, "{\"text\":\"a\nb\"}", at),
						"id: 2\nevent: resident\ndata: {\"id\":2,\"type\":\"resident\",\"at\":\"2025-05-01T12:00:00Z\",\"text\":\"a\\nb\"}\n\n"));
	}

	@ParameterizedTest
	@MethodSource("events")
	void formatsServerSentEvents(ChatEvent event, String expected) {
		assertThat(ChatEventFormat.sse(event)).isEqualTo(expected);
	}

	static Stream<Arguments> limits() {
		return Stream.of(Arguments.of(new ChatProperties.Limit(30, Duration.ofMinutes(1)), "30 per minute"),
				Arguments.of(new ChatProperties.Limit(20, Duration.ofHours(1)), "20 per hour"),
				Arguments.of(new ChatProperties.Limit(5, Duration.ofMinutes(10)), "5 per 10 minutes"),
				Arguments.of(new ChatProperties.Limit(2, Duration.ofSeconds(90)), "2 per 90 seconds"));
	}

	@ParameterizedTest
	@MethodSource("limits")
	void describesLimits(ChatProperties.Limit limit, String text) {
		assertThat(limit.describe()).isEqualTo(text);
	}

	@Test
	void defaultsBindWhenNothingIsConfigured() {
		ChatProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("frontdoor.channels.chat", ChatProperties.class);
		assertThat(defaults.allowedOrigins()).isEmpty();
		assertThat(defaults.sessionIdleTimeout()).isEqualTo(Duration.ofDays(30));
		assertThat(defaults.locales()).isEqualTo(List.of("en", "es"));
		assertThat(defaults.rateLimits().messagesPerSession().describe()).isEqualTo("30 per minute");
		assertThat(defaults.rateLimits().sessionsPerIp().describe()).isEqualTo("20 per hour");
		ChatProperties partly = new Binder(new MapConfigurationPropertySource(
				Map.of("frontdoor.channels.chat.rate-limits.messages-per-session.requests", "5",
						"frontdoor.channels.chat.rate-limits.sessions-per-ip.window", "1m")))
			.bindOrCreate("frontdoor.channels.chat", ChatProperties.class);
		assertThat(partly.rateLimits().messagesPerSession().describe()).isEqualTo("5 per minute");
		assertThat(partly.rateLimits().sessionsPerIp().describe()).isEqualTo("20 per minute");
	}

}
