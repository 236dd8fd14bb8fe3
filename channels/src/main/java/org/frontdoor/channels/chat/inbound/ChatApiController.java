package org.frontdoor.channels.chat.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.frontdoor.channels.chat.ChatProblem;
import org.frontdoor.channels.chat.ChatProperties;
import org.frontdoor.channels.chat.ChatSession;
import org.frontdoor.channels.chat.ChatSessions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resident-facing write side of the chat API: open a session, send a message (JSON,
 * or multipart with a photo). Requests are parsed here rather than by Spring's converters
 * so that every mistake gets a precise problem detail (RFC 9457).
 */
@RestController
@RequestMapping("/api/chat/sessions")
public class ChatApiController {

	private final ChatSessions sessions;

	private final ChatInbound inbound;

	private final ChatProperties properties;

	private final JsonMapper json;

	public ChatApiController(ChatSessions sessions, ChatInbound inbound, JsonMapper json) {
		this.sessions = sessions;
		this.inbound = inbound;
		this.properties = sessions.properties();
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * {@code POST /api/chat/sessions}, optional body {@code {"locale":"es"}}: 201 with
	 * {@code {id, token, expiresAt, locale}}.
	 * @param request the request
	 * @return the new session and its token
	 */
	@PostMapping
	public ResponseEntity<Map<String, Object>> open(HttpServletRequest request) {
		this.sessions.limit(ChatSessions.ipBucket("sessions", request), this.properties.rateLimits().sessionsPerIp(),
				"new chat sessions from this address");
		String locale = null;
		byte[] body = readBody(request);
		if (body.length > 0) {
			requireJson(request, "a session request");
			locale = parse(body, OpenRequest.class).locale();
		}
		ChatSessions.Opened opened = this.sessions.open(locale, request.getHeader(HttpHeaders.ORIGIN));
		ChatSession session = opened.session();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", session.id().toString());
		answer.put("token", opened.token());
		answer.put("expiresAt", session.expiresAt().toString());
		answer.put("locale", session.locale());
		return ResponseEntity.created(URI.create("/api/chat/sessions/" + session.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(answer);
	}

	/**
	 * {@code POST /api/chat/sessions/{id}/messages}: 202 with {@code {messageId, eventId,
	 * duplicate}} once the message is durably stored.
	 * @param id the session id
	 * @param request the request (JSON or multipart with a {@code photo} part)
	 * @return the stored message's ids
	 */
	@PostMapping("/{id}/messages")
	public ResponseEntity<Map<String, Object>> send(@PathVariable String id, HttpServletRequest request) {
		// the address limit first: it also bounds attempts with wrong tokens
		this.sessions.limit(ChatSessions.ipBucket("messages", request), this.properties.rateLimits().messagesPerIp(),
				"chat messages from this address");
		ChatSession session = this.sessions.authenticate(id, ChatSessions.bearerToken(request));
		this.sessions.limit(ChatSessions.sessionBucket("messages", session),
				this.properties.rateLimits().messagesPerSession(), "messages from this chat session");
		ChatInbound.Accepted accepted;
		if (isMultipart(request)) {
			accepted = acceptMultipart(session, request);
		}
		else {
			requireJson(request, "a message");
			accepted = this.inbound.accept(session, parse(readBody(request), ChatMessageRequest.class), null);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("messageId", accepted.messageId().toString());
		answer.put("eventId", accepted.eventId());
		answer.put("duplicate", accepted.duplicate());
		return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(answer);
	}

	private ChatInbound.Accepted acceptMultipart(ChatSession session, HttpServletRequest request) {
		try {
			Part photoPart = request.getPart("photo");
			ChatInbound.Photo photo = null;
			if (photoPart != null && photoPart.getSize() > 0) {
				if (photoPart.getSize() > this.properties.maxPhotoSize().toBytes()) {
					throw new ChatProblem(ChatProblem.Kind.TOO_LARGE, "the photo is " + photoPart.getSize()
							+ " bytes; the limit is " + this.properties.maxPhotoSize().toBytes() + " bytes");
				}
				try (InputStream in = photoPart.getInputStream()) {
					photo = new ChatInbound.Photo(in.readAllBytes(), photoPart.getContentType(),
							safeFilename(photoPart.getSubmittedFileName()));
				}
			}
			ChatMessageRequest message = new ChatMessageRequest(field(request, "clientMessageId"),
					field(request, "text"), location(request), field(request, "locale"), field(request, "localeSource"),
					field(request, "quickReplyLabel"));
			return this.inbound.accept(session, message, photo);
		}
		catch (IllegalStateException ex) {
			throw new ChatProblem(ChatProblem.Kind.TOO_LARGE,
					"the upload is over the server's multipart limit (photos up to "
							+ this.properties.maxPhotoSize().toBytes() + " bytes)");
		}
		catch (IOException | ServletException ex) {
			throw new ChatProblem(ChatProblem.Kind.BAD_REQUEST, "the multipart body could not be read: send "
					+ "multipart/form-data with a 'photo' file part and the message fields");
		}
	}

	private static ChatMessageRequest.Location location(HttpServletRequest request) {
		String lat = request.getParameter("lat");
		String lon = request.getParameter("lon");
		if (lat == null && lon == null) {
			return null;
		}
		try {
			String accuracy = request.getParameter("accuracy");
			return new ChatMessageRequest.Location((lat != null) ? Double.valueOf(lat) : null,
					(lon != null) ? Double.valueOf(lon) : null,
					(accuracy != null && !accuracy.isBlank()) ? Double.valueOf(accuracy) : null);
		}
		catch (NumberFormatException ex) {
			throw new ChatProblem(ChatProblem.Kind.BAD_REQUEST, "lat, lon and accuracy must be decimal numbers");
		}
	}

	private static String field(HttpServletRequest request, String name) {
		return request.getParameter(name);
	}

	private static String safeFilename(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_");
		return (base.length() > 120) ? base.substring(base.length() - 120) : base;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	private static void requireJson(HttpServletRequest request, String what) {
		String type = request.getContentType();
		MediaType mediaType;
		try {
			mediaType = (type != null) ? MediaType.parseMediaType(type) : null;
		}
		catch (IllegalArgumentException ex) {
			mediaType = null;
		}
		if (mediaType == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(mediaType)
				|| "json".equalsIgnoreCase(mediaType.getSubtypeSuffix()))) {
			throw new ChatProblem(ChatProblem.Kind.UNSUPPORTED_MEDIA_TYPE,
					"send " + what + " as application/json"
							+ (what.equals("a message") ? " (or multipart/form-data with a 'photo' part)" : "")
							+ ", not " + ((type != null) ? type.replaceAll("[^\\x20-\\x7E]", "?") : "no content type"));
		}
		if (mediaType.getCharset() != null && !StandardCharsets.UTF_8.equals(mediaType.getCharset())) {
			throw new ChatProblem(ChatProblem.Kind.UNSUPPORTED_MEDIA_TYPE, "JSON must be UTF-8");
		}
	}

	private byte[] readBody(HttpServletRequest request) {
		long limit = this.properties.maxJsonSize().toBytes();
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limit + 1));
			if (body.length > limit) {
				throw new ChatProblem(ChatProblem.Kind.TOO_LARGE,
						"the request body is over the limit of " + limit + " bytes");
			}
			return body;
		}
		catch (IOException ex) {
			throw new ChatProblem(ChatProblem.Kind.BAD_REQUEST, "the request body could not be read");
		}
	}

	private <T> T parse(byte[] body, Class<T> type) {
		try {
			T value = this.json.readValue(body, type);
			if (value == null) {
				throw new ChatProblem(ChatProblem.Kind.BAD_REQUEST, "the body must be a JSON object");
			}
			return value;
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			throw new ChatProblem(ChatProblem.Kind.BAD_REQUEST, "the body is not a valid JSON " + type.getSimpleName()
					+ where + "; see the chat API in the README");
		}
	}

	/**
	 * The optional body of {@code POST /api/chat/sessions}.
	 *
	 * @param locale the language to start in, e.g. {@code es}
	 */
	record OpenRequest(String locale) {

	}

}
