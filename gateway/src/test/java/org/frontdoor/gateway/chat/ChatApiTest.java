package org.frontdoor.gateway.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.frontdoor.gateway.chat.ChatHttp.Response;
import org.frontdoor.gateway.chat.ChatHttp.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat API's write side over real HTTP on PostgreSQL: sessions, messages (JSON and
 * multipart with a photo), idempotency, and every kind of bad input answered as
 * {@code application/problem+json} with the right status.
 */
@ChatApiContext
class ChatApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ChatHttp http;

	@BeforeEach
	void setUp() {
		this.http = new ChatHttp(this.port);
		this.jdbc.sql("delete from chat_rate_limit").update();
	}

	@Test
	void opensASessionWithASecretTokenStoredOnlyAsAHash() throws Exception {
		Response response = this.http.openSession(Map.of("Content-Type", "application/json"), "{\"locale\":\"es-MX\"}");
		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		String id = body.get("id").asString();
		String token = body.get("token").asString();
		assertThat(response.header("Location")).isEqualTo("/api/chat/sessions/" + id);
		assertThat(body.get("locale").asString()).isEqualTo("es");
		assertThat(body.get("expiresAt").asString()).endsWith("Z");
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(response.header("Cache-Control")).contains("no-store");
		byte[] stored = this.jdbc.sql("select token_hash from chat_session where id = :id")
			.param("id", UUID.fromString(id))
			.query(byte[].class)
			.single();
		assertThat(stored)
			.isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		String everything = this.jdbc.sql("select row_to_json(s)::text from chat_session s where id = :id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.single();
		assertThat(everything).doesNotContain(token);
	}

	@Test
	void opensASessionWithoutABodyInTheDefaultLocaleAndFallsBackForUnsupportedOnes() {
		assertThat(this.http.openSession(Map.of(), null).json().get("locale").asString()).isEqualTo("en");
		assertThat(this.http.openSession(Map.of("Content-Type", "application/json"), "{\"locale\":\"fr\"}")
			.json()
			.get("locale")
			.asString()).isEqualTo("en");
	}

	@Test
	void storesATextMessageAsAnInboundChatMessageThenAcknowledges() {
		Session session = this.http.newSession();
		Response response = this.http.sendJson(session,
				"{\"clientMessageId\":\"c-1\",\"text\":\"  graffiti on the wall at mass ave and prospect st \","
						+ "\"locale\":\"en\",\"localeSource\":\"browser\"}");
		assertThat(response.status()).isEqualTo(202);
		String messageId = response.json().get("messageId").asString();
		assertThat(response.json().get("duplicate").asBoolean()).isFalse();
		Map<String, Object> row = this.jdbc
			.sql("select channel, provider, provider_message_id, sender, thread_key, payload::text as payload "
					+ "from inbound_message where id = :id")
			.param("id", UUID.fromString(messageId))
			.query()
			.singleRow();
		assertThat(row).containsEntry("channel", "CHAT")
			.containsEntry("provider", "chat")
			.containsEntry("provider_message_id", session.id() + ":c-1")
			.containsEntry("sender", "chat:" + session.id())
			.containsEntry("thread_key", session.id());
		JsonNode payload = ChatHttp.json.readTree((String) row.get("payload"));
		assertThat(payload.get("text").asString()).isEqualTo("graffiti on the wall at mass ave and prospect st");
		assertThat(payload.get("metadata").get("locale").asString()).isEqualTo("en");
		assertThat(payload.get("metadata").get("localeSource").asString()).isEqualTo("browser");
	}

	@Test
	void aRetriedMessageIsStoredOnceAndGetsTheSameId() {
		Session session = this.http.newSession();
		String body = "{\"clientMessageId\":\"retry-1\",\"text\":\"pothole on main st\"}";
		Response first = this.http.sendJson(session, body);
		Response second = this.http.sendJson(session, body);
		assertThat(first.status()).isEqualTo(202);
		assertThat(second.status()).isEqualTo(202);
		assertThat(second.json().get("messageId").asString()).isEqualTo(first.json().get("messageId").asString());
		assertThat(second.json().get("eventId").asLong()).isEqualTo(first.json().get("eventId").asLong());
		assertThat(second.json().get("duplicate").asBoolean()).isTrue();
		assertThat(countInbound(session)).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from chat_event where session_id = :id")
			.param("id", UUID.fromString(session.id()))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSameClientMessageIdInAnotherSessionIsAnotherMessage() {
		Response a = this.http.sendJson(this.http.newSession(), "{\"clientMessageId\":\"1\",\"text\":\"a\"}");
		Response b = this.http.sendJson(this.http.newSession(), "{\"clientMessageId\":\"1\",\"text\":\"b\"}");
		assertThat(a.json().get("messageId").asString()).isNotEqualTo(b.json().get("messageId").asString());
		assertThat(b.json().get("duplicate").asBoolean()).isFalse();
	}

	@Test
	void aSharedPinBecomesTheSharedLocation() {
		Session session = this.http.newSession();
		Response response = this.http.sendJson(session,
				"{\"clientMessageId\":\"pin-1\",\"text\":\"\",\"location\":{\"lat\":42.3702,\"lon\":-71.1049,\"accuracy\":12.4}}");
		assertThat(response.status()).isEqualTo(202);
		JsonNode payload = payload(response);
		assertThat(payload.get("sharedLocation").get("latitude").asDouble()).isEqualTo(42.3702);
		assertThat(payload.get("sharedLocation").get("longitude").asDouble()).isEqualTo(-71.1049);
		assertThat(payload.get("metadata").get("locationAccuracy").asString()).isEqualTo("12");
	}

	@Test
	void aPhotoIsSanitizedStoredAndItsExifPositionKept() {
		Session session = this.http.newSession();
		byte[] photo = TestPhotos.jpegAt(42.3656, -71.1040);
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif");
		Response response = this.http.sendMultipart(session,
				Map.of("clientMessageId", "photo-1", "text", "broken streetlight", "lat", "42.37", "lon", "-71.10"),
				photo, "image/jpeg");
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		JsonNode payload = payload(response);
		assertThat(payload.get("text").asString()).isEqualTo("broken streetlight");
		assertThat(payload.get("sharedLocation").get("latitude").asDouble()).isEqualTo(42.37);
		JsonNode media = payload.get("media").get(0);
		assertThat(media.get("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(media.get("filename").asString()).isEqualTo("IMG_0001.jpg");
		assertThat(media.get("exifLocation").get("latitude").asDouble()).isCloseTo(42.3656,
				org.assertj.core.data.Offset.offset(1e-4));
		assertThat(media.get("exifLocation").get("longitude").asDouble()).isCloseTo(-71.1040,
				org.assertj.core.data.Offset.offset(1e-4));
		byte[] stored = this.jdbc.sql("select bytes from media where id = :id")
			.param("id", media.get("storedMediaId").asString())
			.query(byte[].class)
			.single();
		assertThat(stored).startsWith(0xFF, 0xD8);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
	}

	@Test
	void preflightAndRequestsFromAnAllowedOriginGetCorsHeaders() {
		Response preflight = this.http.request(
				"OPTIONS", "/api/chat/sessions", Map.of("Origin", "https://city.example",
						"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"),
				null);
		assertThat(preflight.status()).isEqualTo(204);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://city.example");
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
		assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization")
			.contains("Last-Event-ID");
		Response open = this.http.openSession(Map.of("Origin", "https://city.example"), null);
		assertThat(open.status()).isEqualTo(201);
		assertThat(open.header("Access-Control-Allow-Origin")).isEqualTo("https://city.example");
		assertThat(open.header("Access-Control-Allow-Credentials")).isNull();
		Response sameOrigin = this.http.openSession(Map.of("Origin", this.http.base()), null);
		assertThat(sameOrigin.status()).isEqualTo(201);
	}

	@Test
	void theRateLimitPerSessionAnswers429WithRetryAfter() {
		Session session = this.http.newSession();
		for (int i = 0; i < 6; i++) {
			assertThat(this.http.sendText(session, "message " + i).status()).isEqualTo(202);
		}
		Response limited = this.http.sendText(session, "one too many");
		assertProblem(limited, 429, "rate-limited", "messages from this chat session");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(countInbound(session)).isEqualTo(6);
	}

	@Test
	void theRateLimitPerAddressHoldsAcrossSessions() {
		int accepted = 0;
		Response last = null;
		for (int s = 0; s < 4 && (last == null || last.status() == 202); s++) {
			Session session = this.http.newSession();
			for (int i = 0; i < 5; i++) {
				last = this.http.sendText(session, "message " + i);
				if (last.status() != 202) {
					break;
				}
				accepted++;
			}
		}
		assertThat(accepted).isEqualTo(15);
		assertProblem(last, 429, "rate-limited", "chat messages from this address");
		assertThat(last.header("Retry-After")).isNotBlank();
	}

	@Test
	void anExpiredSessionAnswers410() {
		Session session = this.http.newSession();
		this.jdbc.sql("update chat_session set expires_at = now() - interval '1 minute' where id = :id")
			.param("id", UUID.fromString(session.id()))
			.update();
		assertProblem(this.http.sendText(session, "still there?"), 410, "session-expired", "expired");
		assertThat(countInbound(session)).isZero();
	}

	@Test
	void aPhotoOverTheLimitAnswers413() {
		Session session = this.http.newSession();
		byte[] big = new byte[300 * 1024];
		System.arraycopy(TestPhotos.plainJpeg(), 0, big, 0, 100);
		assertProblem(this.http.sendMultipart(session, Map.of("clientMessageId", "big-1"), big, "image/jpeg"), 413,
				"too-large", "limit");
		assertThat(countInbound(session)).isZero();
	}

	@Test
	void aPhotoOfExactlyTheLimitIsAccepted() {
		Session session = this.http.newSession();
		byte[] photo = TestPhotos.jpegOfSize(256 * 1024);
		assertThat(photo).hasSize(256 * 1024);
		Response response = this.http.sendMultipart(session,
				Map.of("clientMessageId", "at-limit", "text", "x".repeat(500), "lat", "42.37", "lon", "-71.10"), photo,
				"image/jpeg");
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		assertThat(payload(response).get("media").get(0).get("contentType").asString()).isEqualTo("image/jpeg");
	}

	@Test
	void aPhotoOneByteOverTheLimitAnswers413() {
		Session session = this.http.newSession();
		// under the declared-length check (photo limit + 64 KB), over the container's
		// file limit: refused while the body is parsed, still as a problem detail
		assertProblem(
				this.http.sendMultipart(session, Map.of("clientMessageId", "over-1"),
						TestPhotos.jpegOfSize(256 * 1024 + 1), "image/jpeg"),
				413, "too-large", "photos up to 262144 bytes");
		assertThat(countInbound(session)).isZero();
	}

	@Test
	void anUploadWithoutContentLengthOverTheLimitAnswers413() {
		Session session = this.http.newSession();
		Response response = this.http.sendMultipart(session, Map.of("clientMessageId", "chunked-1"),
				TestPhotos.jpegOfSize(400 * 1024), "image/jpeg", true);
		assertProblem(response, 413, "too-large", "photos up to 262144 bytes");
		assertThat(countInbound(session)).isZero();
	}

	@Test
	void aPhotoWithinTheLimitSentWithoutContentLengthIsAccepted() {
		Session session = this.http.newSession();
		Response response = this.http.sendMultipart(session, Map.of("clientMessageId", "chunked-ok"),
				TestPhotos.jpegOfSize(200 * 1024), "image/jpeg", true);
		assertThat(response.status()).as(response.body()).isEqualTo(202);
	}

	static Stream<Arguments> badRequests() {
		String long501 = "x".repeat(501);
		String bigJson = "{\"clientMessageId\":\"big\",\"text\":\"" + "y".repeat(9000) + "\"}";
		return Stream.of(Arguments.of("text over max-text-length",
				json("{\"clientMessageId\":\"t\",\"text\":\"" + long501 + "\"}"), 413, "too-large", "501 characters"),
				Arguments.of("body over max-json-size", json(bigJson), 413, "too-large", "limit"),
				Arguments.of("text/plain body", request("text/plain", "hello"), 415, "unsupported-media-type",
						"application/json"),
				Arguments.of("no content type", request(null, "{}"), 415, "unsupported-media-type", "no content type"),
				Arguments.of("malformed JSON", json("{\"clientMessageId\": "), 400, "bad-request", "not a valid JSON"),
				Arguments.of("missing clientMessageId", json("{\"text\":\"hi\"}"), 400, "bad-request",
						"clientMessageId is required"),
				Arguments.of("clientMessageId with spaces", json("{\"clientMessageId\":\"a b\",\"text\":\"hi\"}"), 400,
						"bad-request", "clientMessageId"),
				Arguments.of("empty message", json("{\"clientMessageId\":\"e\",\"text\":\"   \"}"), 400, "bad-request",
						"empty"),
				Arguments.of("latitude out of range",
						json("{\"clientMessageId\":\"l\",\"location\":{\"lat\":91,\"lon\":0}}"), 400, "bad-request",
						"lat in [-90, 90]"),
				Arguments.of("location without lon", json("{\"clientMessageId\":\"l2\",\"location\":{\"lat\":42}}"),
						400, "bad-request", "lon"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badMessagesGetAProblemAndStoreNothing(String name, Function<Session, Map<String, Object>> build, int status,
			String code, String detail) {
		Session session = this.http.newSession();
		Map<String, Object> spec = build.apply(session);
		@SuppressWarnings("unchecked")
		Map<String, String> headers = (Map<String, String>) spec.get("headers");
		Response response = this.http.request("POST", "/api/chat/sessions/" + session.id() + "/messages", headers,
				(byte[]) spec.get("body"));
		assertProblem(response, status, code, detail);
		assertThat(countInbound(session)).isZero();
	}

	static Stream<Arguments> refusedCallers() {
		return Stream.of(Arguments.of("unknown session", 404, "session-not-found", "does not exist"),
				Arguments.of("not a session id", 404, "session-not-found", "not a chat session id"),
				Arguments.of("missing token", 401, "token-missing", "Authorization: Bearer"),
				Arguments.of("forged token", 403, "token-invalid", "does not belong"),
				Arguments.of("another session's token", 403, "token-invalid", "does not belong"),
				Arguments.of("disallowed origin", 403, "origin-not-allowed", "https://evil.example"),
				Arguments.of("disallowed origin preflight", 403, "origin-not-allowed", "allowed-origins"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedCallers")
	void callersThatMayNotSendAreRefused(String name, int status, String code, String detail) {
		Session session = this.http.newSession();
		Session other = this.http.newSession();
		String messages = "/api/chat/sessions/" + session.id() + "/messages";
		byte[] body = ChatHttp.utf8("{\"clientMessageId\":\"r-1\",\"text\":\"hello\"}");
		Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
		String path = messages;
		String method = "POST";
		switch (name) {
			case "unknown session" -> {
				path = "/api/chat/sessions/" + UUID.randomUUID() + "/messages";
				headers.put("Authorization", "Bearer " + session.token());
			}
			case "not a session id" -> {
				path = "/api/chat/sessions/not-a-uuid/messages";
				headers.put("Authorization", "Bearer " + session.token());
			}
			case "missing token" -> {
			}
			case "forged token" -> headers.put("Authorization", "Bearer " + session.token().substring(1) + "A");
			case "another session's token" -> headers.put("Authorization", "Bearer " + other.token());
			case "disallowed origin" -> {
				headers.put("Authorization", "Bearer " + session.token());
				headers.put("Origin", "https://evil.example");
			}
			case "disallowed origin preflight" -> {
				method = "OPTIONS";
				headers.put("Origin", "https://evil.example");
				headers.put("Access-Control-Request-Method", "POST");
				body = null;
			}
			default -> throw new IllegalArgumentException(name);
		}
		Response response = this.http.request(method, path, headers, body);
		assertProblem(response, status, code, detail);
		if (status == 401) {
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
		assertThat(countInbound(session)).isZero();
	}

	@Test
	void anInvalidPhotoAnswers422WithTheReason() {
		Session session = this.http.newSession();
		byte[] notAnImage = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		Response response = this.http.sendMultipart(session, Map.of("clientMessageId", "bad-photo"), notAnImage,
				"image/jpeg");
		assertProblem(response, 422, "invalid-photo", "UNSUPPORTED_TYPE");
		byte[] truncated = Arrays.copyOf(TestPhotos.plainJpeg(), 40);
		Response broken = this.http.sendMultipart(session, Map.of("clientMessageId", "bad-photo-2"), truncated,
				"image/jpeg");
		assertThat(broken.status()).isEqualTo(422);
		assertThat(broken.json().get("detail").asString()).contains("refused");
		assertThat(countInbound(session)).isZero();
	}

	private static Function<Session, Map<String, Object>> json(String body) {
		return request("application/json", body);
	}

	private static Function<Session, Map<String, Object>> request(String contentType, String body) {
		return (session) -> {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Authorization", "Bearer " + session.token());
			if (contentType != null) {
				headers.put("Content-Type", contentType);
			}
			return Map.of("headers", headers, "body", ChatHttp.utf8(body));
		};
	}

	static void assertProblem(Response response, int status, String code, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("urn:frontdoor:problem:chat:" + code);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).contains(detail);
	}

	private JsonNode payload(Response response) {
		return ChatHttp.json.readTree(this.jdbc.sql("select payload::text from inbound_message where id = :id")
			.param("id", UUID.fromString(response.json().get("messageId").asString()))
			.query(String.class)
			.single());
	}

	private int countInbound(Session session) {
		return this.jdbc.sql("select count(*) from inbound_message where sender = :sender")
			.param("sender", "chat:" + session.id())
			.query(Integer.class)
			.single();
	}

}
