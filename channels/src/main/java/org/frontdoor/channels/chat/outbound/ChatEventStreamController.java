package org.frontdoor.channels.chat.outbound;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.frontdoor.channels.chat.ChatEvent;
import org.frontdoor.channels.chat.ChatEventLog;
import org.frontdoor.channels.chat.ChatProblem;
import org.frontdoor.channels.chat.ChatProperties;
import org.frontdoor.channels.chat.ChatSession;
import org.frontdoor.channels.chat.ChatSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/chat/sessions/{id}/events}: the session's event log as server-sent
 * events ({@code text/event-stream}). Replays what the client missed (after
 * {@code Last-Event-ID}, or the last {@code history-limit} events when it sends none),
 * then streams new events as they are appended on any instance, with a comment line as
 * heartbeat when idle. The stream ends after {@code max-stream-duration} or at shutdown;
 * clients reconnect and resume.
 * <p>
 * The token may be sent as {@code Authorization: Bearer …} or, for {@code EventSource}
 * (which cannot set headers), as the {@code access_token} query parameter; see the README
 * for what that means for logs.
 * <p>
 * The request thread writes the stream itself: with virtual threads (on by default) an
 * open stream costs a parked virtual thread and no database connection while idle.
 */
@RestController
@RequestMapping("/api/chat/sessions")
public class ChatEventStreamController {

	/** Events read from the log per query. */
	static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(ChatEventStreamController.class);

	private final ChatSessions sessions;

	private final ChatEventLog events;

	private final ChatStreamHub hub;

	private final ChatProperties properties;

	public ChatEventStreamController(ChatSessions sessions, ChatEventLog events, ChatStreamHub hub) {
		this.sessions = sessions;
		this.events = events;
		this.hub = hub;
		this.properties = sessions.properties();
	}

	/**
	 * Stream a session's events.
	 * @param id the session id
	 * @param request the request ({@code Authorization} or {@code access_token},
	 * {@code Last-Event-ID} header or {@code lastEventId} parameter)
	 * @param response the response the stream is written to
	 * @throws IOException never thrown to the client: a write failure means it left
	 */
	@GetMapping("/{id}/events")
	public void stream(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String token = ChatSessions.bearerToken(request);
		if (token == null) {
			token = request.getParameter("access_token");
		}
		this.sessions.limit(ChatSessions.ipBucket("streams", request), this.properties.rateLimits().streamsPerIp(),
				"event stream connections from this address");
		ChatSession session = this.sessions.authenticate(id, token);
		long after = lastEventId(request, session);
		if (!this.hub.accepting()) {
			throw new ChatProblem(ChatProblem.Kind.UNAVAILABLE, "this server is shutting down; reconnect",
					Duration.ofSeconds(1));
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/event-stream");
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, no-transform");
		// nginx and other proxies: do not buffer this response
		response.setHeader("X-Accel-Buffering", "no");
		try (ChatStreamHub.Waiter waiter = this.hub.register(session.id())) {
			OutputStream out = response.getOutputStream();
			write(out, "retry: " + this.properties.reconnectDelay().toMillis() + "\n: connected\n\n");
			pump(session, after, waiter, out);
		}
		catch (IOException ex) {
			// the client went away: nothing to answer
			log.trace("Chat stream of session {} closed by the client", session.id());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// the response is already streaming: end it; the client reconnects and
			// resumes
			log.warn("Chat stream of session {} ended by an error: {}", session.id(), ex.toString());
		}
	}

	private void pump(ChatSession session, long after, ChatStreamHub.Waiter waiter, OutputStream out)
			throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(this.properties.maxStreamDuration());
		Duration heartbeat = this.properties.heartbeatInterval();
		long last = after;
		Instant lastWrite = Instant.now();
		while (this.hub.accepting() && Instant.now().isBefore(deadline)) {
			List<ChatEvent> batch = this.events.after(session.id(), last, BATCH);
			if (!batch.isEmpty()) {
				StringBuilder text = new StringBuilder();
				for (ChatEvent event : batch) {
					text.append(ChatEventFormat.sse(event));
					last = event.seq();
				}
				write(out, text.toString());
				lastWrite = Instant.now();
				if (batch.size() == BATCH) {
					continue;
				}
			}
			Duration untilHeartbeat = heartbeat.minus(Duration.between(lastWrite, Instant.now()));
			if (untilHeartbeat.isNegative() || untilHeartbeat.isZero()) {
				write(out, ": heartbeat\n\n");
				lastWrite = Instant.now();
				continue;
			}
			waiter.await(untilHeartbeat);
		}
	}

	private long lastEventId(HttpServletRequest request, ChatSession session) {
		String value = request.getHeader("Last-Event-ID");
		if (value == null || value.isBlank()) {
			value = request.getParameter("lastEventId");
		}
		if (value == null || value.isBlank()) {
			return Math.max(0, session.lastEventSeq() - this.properties.historyLimit());
		}
		try {
			long seq = Long.parseLong(value.trim());
			if (seq < 0) {
				throw new NumberFormatException();
			}
			return seq;
		}
		catch (NumberFormatException ex) {
			throw new ChatProblem(ChatProblem.Kind.BAD_REQUEST,
					"Last-Event-ID must be the id of an event this stream sent (a non-negative integer)");
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

}
