package org.frontdoor.gateway.chat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the chat API over real HTTP (java.net.http), for tests: raw requests
 * with any headers, sessions, JSON and multipart messages, and an event-stream reader.
 */
final class ChatHttp {

	static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	ChatHttp(int port) {
		this.base = "http://localhost:" + port;
	}

	String base() {
		return this.base;
	}

	/** A response with its body as text and, when JSON, parsed. */
	record Response(int status, Map<String, List<String>> headers, String body) {

		JsonNode json() {
			return ChatHttp.json.readTree(this.body);
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.findFirst()
				.map((e) -> e.getValue().get(0))
				.orElse(null);
		}

	}

	/** An open session. */
	record Session(String id, String token) {

	}

	Response request(String method, String path, Map<String, String> headers, byte[] body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach(builder::header);
		return send(builder);
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Response openSession(Map<String, String> headers, String body) {
		return request("POST", "/api/chat/sessions", headers, (body != null) ? utf8(body) : null);
	}

	Session newSession() {
		Response response = openSession(Map.of("Content-Type", "application/json"), "{\"locale\":\"en\"}");
		if (response.status() != 201) {
			throw new IllegalStateException("could not open a session: " + response);
		}
		JsonNode body = response.json();
		return new Session(body.get("id").asString(), body.get("token").asString());
	}

	Response sendJson(Session session, String body) {
		return request("POST", "/api/chat/sessions/" + session.id() + "/messages",
				Map.of("Authorization", "Bearer " + session.token(), "Content-Type", "application/json"), utf8(body));
	}

	Response sendText(Session session, String text) {
		return sendJson(session,
				json.writeValueAsString(Map.of("clientMessageId", "m-" + UUID.randomUUID(), "text", text)));
	}

	Response sendMultipart(Session session, Map<String, String> fields, byte[] photo, String photoType) {
		return sendMultipart(session, fields, photo, photoType, false);
	}

	/**
	 * Send a multipart message.
	 * @param chunked {@code true} to stream the body without a {@code Content-Length}
	 * (chunked transfer encoding), so that no filter can refuse it by its declared size
	 */
	Response sendMultipart(Session session, Map<String, String> fields, byte[] photo, String photoType,
			boolean chunked) {
		String boundary = "fd-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(utf8("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")));
		if (photo != null) {
			body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; "
					+ "filename=\"IMG_0001.jpg\"\r\nContent-Type: " + photoType + "\r\n\r\n"));
			body.writeBytes(photo);
			body.writeBytes(utf8("\r\n"));
		}
		body.writeBytes(utf8("--" + boundary + "--\r\n"));
		if (chunked) {
			byte[] bytes = body.toByteArray();
			return send(
					HttpRequest.newBuilder(URI.create(this.base + "/api/chat/sessions/" + session.id() + "/messages"))
						.timeout(Duration.ofSeconds(30))
						.header("Authorization", "Bearer " + session.token())
						.header("Content-Type", "multipart/form-data; boundary=" + boundary)
						.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
		}
		return request(
				"POST", "/api/chat/sessions/" + session.id() + "/messages", Map.of("Authorization",
						"Bearer " + session.token(), "Content-Type", "multipart/form-data; boundary=" + boundary),
				body.toByteArray());
	}

	EventStream events(String pathAndQuery, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).GET();
		headers.forEach(builder::header);
		try {
			HttpResponse<InputStream> response = this.client.send(builder.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			return new EventStream(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	EventStream events(Session session, Long lastEventId) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", "Bearer " + session.token());
		headers.put("Accept", "text/event-stream");
		if (lastEventId != null) {
			headers.put("Last-Event-ID", Long.toString(lastEventId));
		}
		return events("/api/chat/sessions/" + session.id() + "/events", headers);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** One server-sent event. */
	record Sse(String id, String event, String data) {

		JsonNode json() {
			return ChatHttp.json.readTree(this.data);
		}

	}

	/** An open {@code text/event-stream} response, parsed on a background thread. */
	static final class EventStream implements AutoCloseable {

		private final HttpResponse<InputStream> response;

		private final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();

		private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();

		private final List<String> fields = new ArrayList<>();

		private final Thread reader;

		EventStream(HttpResponse<InputStream> response) {
			this.response = response;
			this.reader = Thread.ofVirtual().start(this::read);
		}

		int status() {
			return this.response.statusCode();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		String bodyIfError() throws IOException {
			return new String(this.response.body().readAllBytes(), StandardCharsets.UTF_8);
		}

		Sse next(Duration timeout) throws InterruptedException {
			Sse event = this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (event == null) {
				throw new AssertionError("no event within " + timeout);
			}
			return event;
		}

		Sse poll(Duration timeout) throws InterruptedException {
			return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		String nextComment(Duration timeout) throws InterruptedException {
			return this.comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		List<String> fieldLines() {
			synchronized (this.fields) {
				return List.copyOf(this.fields);
			}
		}

		private void read() {
			if (this.response.statusCode() != 200) {
				return;
			}
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.response.body(), StandardCharsets.UTF_8))) {
				String id = null;
				String event = null;
				StringBuilder data = new StringBuilder();
				String line;
				while ((line = lines.readLine()) != null) {
					synchronized (this.fields) {
						this.fields.add(line);
					}
					if (line.isEmpty()) {
						if (!data.isEmpty()) {
							this.events.add(new Sse(id, (event != null) ? event : "message", data.toString()));
						}
						id = null;
						event = null;
						data.setLength(0);
					}
					else if (line.startsWith(":")) {
						this.comments.add(line.substring(1).strip());
					}
					else if (line.startsWith("id:")) {
						id = line.substring(3).strip();
					}
					else if (line.startsWith("event:")) {
						event = line.substring(6).strip();
					}
					else if (line.startsWith("data:")) {
						if (!data.isEmpty()) {
							data.append('\n');
						}
						data.append(line.substring(5).strip());
					}
				}
			}
			catch (IOException ex) {
				// closed by close() or by the server
			}
		}

		@Override
		public void close() throws IOException {
			this.response.body().close();
			this.reader.interrupt();
		}

	}

}
