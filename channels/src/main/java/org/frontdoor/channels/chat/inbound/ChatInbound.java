package org.frontdoor.channels.chat.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.frontdoor.channels.chat.ChatEvent;
import org.frontdoor.channels.chat.ChatEventKind;
import org.frontdoor.channels.chat.ChatEventLog;
import org.frontdoor.channels.chat.ChatProblem;
import org.frontdoor.channels.chat.ChatProperties;
import org.frontdoor.channels.chat.ChatSession;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore;
import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.channels.core.SharedLocation;
import org.frontdoor.channels.core.media.MediaPolicy;
import org.frontdoor.channels.core.media.MediaSanitizer;
import org.frontdoor.channels.core.media.RejectedMedia;
import org.frontdoor.channels.core.media.SanitizeResult;
import org.frontdoor.channels.core.media.SanitizedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns one resident message into a stored {@link InboundMessage} (blueprint §3.1:
 * persist, then acknowledge): validates it, sanitizes the photo with the shared
 * {@link MediaSanitizer} and saves it through {@link MediaStore}, stores the message
 * (idempotent on channel {@code CHAT} and {@code <session id>:<client message id>}) and
 * echoes it into the session's event log. Every step is idempotent, so a client retry
 * after a lost answer stores nothing twice and gets the same message id.
 */
@Component
public class ChatInbound {

	/** The provider name of chat inbound messages. */
	public static final String PROVIDER = "chat";

	/** Metadata key: the widget's language when the message was sent. */
	public static final String META_LOCALE = "locale";

	/** Metadata key: {@code user} (chosen with the toggle) or {@code browser}. */
	public static final String META_LOCALE_SOURCE = "localeSource";

	/** Metadata key: the label of the quick-reply button whose value is the text. */
	public static final String META_QUICK_REPLY_LABEL = "quickReplyLabel";

	/** Metadata key: the origin of the page the widget runs on. */
	public static final String META_ORIGIN = "origin";

	/** Metadata key: the browser's accuracy estimate of a shared pin, in metres. */
	public static final String META_LOCATION_ACCURACY = "locationAccuracy";

	private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private static final Logger log = LoggerFactory.getLogger(ChatInbound.class);

	private final InboundMessageStore messages;

	private final MediaStore media;

	private final ChatEventLog events;

	private final ChatProperties properties;

	private final MediaSanitizer sanitizer;

	private final JsonMapper json;

	public ChatInbound(InboundMessageStore messages, MediaStore media, ChatEventLog events, ChatProperties properties,
			JsonMapper json) {
		this.messages = messages;
		this.media = media;
		this.events = events;
		this.properties = properties;
		this.json = json;
		this.sanitizer = new MediaSanitizer(MediaPolicy.defaults().withMaxBytes(properties.maxPhotoSize().toBytes()));
	}

	/**
	 * Validate, store and echo one message.
	 * @param session the authenticated session
	 * @param request the message
	 * @param photo the uploaded photo, or {@code null}
	 * @return what was stored
	 * @throws ChatProblem for invalid input (400, 413, 422)
	 */
	public Accepted accept(ChatSession session, ChatMessageRequest request, Photo photo) {
		String clientMessageId = request.clientMessageId();
		if (clientMessageId == null || !CLIENT_MESSAGE_ID.matcher(clientMessageId).matches()) {
			throw new ChatProblem(ChatProblem.Kind.BAD_REQUEST,
					"clientMessageId is required: 1 to 100 letters, digits, '.', '_', ':' or '-', unique per message");
		}
		String text = (request.text() != null) ? request.text().strip() : "";
		int length = text.codePointCount(0, text.length());
		if (length > this.properties.maxTextLength()) {
			throw new ChatProblem(ChatProblem.Kind.TOO_LARGE,
					"the text is " + length + " characters long; the limit is " + this.properties.maxTextLength());
		}
		SharedLocation pin = pin(request.location());
		if (text.isEmpty() && photo == null && pin == null) {
			throw new ChatProblem(ChatProblem.Kind.BAD_REQUEST,
					"the message is empty: send text, a photo or a location");
		}
		String dedupeKey = "in:" + clientMessageId;
		Optional<ChatEvent> earlier = this.events.findByDedupeKey(session.id(), dedupeKey);
		if (earlier.isPresent()) {
			return new Accepted(messageId(session, clientMessageId), earlier.get().seq(), true);
		}
		InboundMedia stored = (photo != null) ? savePhoto(photo) : null;
		UUID messageId = messageId(session, clientMessageId);
		InboundMessage message = new InboundMessage(messageId, Channel.CHAT, PROVIDER,
				session.id() + ":" + clientMessageId, session.address(), session.origin(), text, null,
				(stored != null) ? List.of(stored) : List.of(), pin, session.id().toString(),
				metadata(session, request), Instant.now());
		InboundMessageStore.StoreOutcome outcome = this.messages.store(message);
		ChatEvent echo = this.events.append(session.id(), ChatEventKind.RESIDENT, dedupeKey,
				echo(message, request, stored));
		if (log.isDebugEnabled()) {
			log.debug("Chat message {} from session {}: {}", messageId, session.id(), outcome);
		}
		return new Accepted(messageId, echo.seq(), outcome == InboundMessageStore.StoreOutcome.DUPLICATE);
	}

	/**
	 * The id of a client's message: derived from session and client message id, so a
	 * retry gets the same id whatever happened in between.
	 * @param session the session
	 * @param clientMessageId the client's id
	 * @return a name-based UUID
	 */
	static UUID messageId(ChatSession session, String clientMessageId) {
		return UUID
			.nameUUIDFromBytes(("chat:" + session.id() + ":" + clientMessageId).getBytes(StandardCharsets.UTF_8));
	}

	private InboundMedia savePhoto(Photo photo) {
		SanitizeResult result = this.sanitizer.sanitize(photo.bytes(), photo.contentType());
		if (result instanceof RejectedMedia rejected) {
			if (rejected.reason() == RejectedMedia.Reason.TOO_LARGE) {
				throw new ChatProblem(ChatProblem.Kind.TOO_LARGE, "the photo is too large: " + rejected.detail());
			}
			throw new ChatProblem(ChatProblem.Kind.INVALID_PHOTO,
					"the photo was refused (" + rejected.reason() + "): " + rejected.detail());
		}
		SanitizedImage image = (SanitizedImage) result;
		MediaStore.StoredMedia saved = this.media.save(image.bytes(), image.contentType(), photo.filename());
		return new InboundMedia(null, image.contentType(), saved.id(), photo.filename(), image.exifLocation());
	}

	private static SharedLocation pin(ChatMessageRequest.Location location) {
		if (location == null) {
			return null;
		}
		Double lat = location.lat();
		Double lon = location.lon();
		if (lat == null || lon == null || !Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90
				|| Math.abs(lon) > 180) {
			throw new ChatProblem(ChatProblem.Kind.BAD_REQUEST,
					"location needs lat in [-90, 90] and lon in [-180, 180] (WGS84 degrees)");
		}
		return new SharedLocation(lat, lon, null);
	}

	private static Map<String, String> metadata(ChatSession session, ChatMessageRequest request) {
		Map<String, String> metadata = new LinkedHashMap<>();
		putBounded(metadata, META_LOCALE, request.locale(), 16);
		if ("user".equals(request.localeSource()) || "browser".equals(request.localeSource())) {
			metadata.put(META_LOCALE_SOURCE, request.localeSource());
		}
		putBounded(metadata, META_QUICK_REPLY_LABEL, request.quickReplyLabel(), 200);
		putBounded(metadata, META_ORIGIN, session.origin(), 255);
		if (request.location() != null && request.location().accuracy() != null
				&& Double.isFinite(request.location().accuracy())) {
			metadata.put(META_LOCATION_ACCURACY, Long.toString(Math.round(request.location().accuracy())));
		}
		return metadata;
	}

	private static void putBounded(Map<String, String> metadata, String key, String value, int max) {
		if (value != null && !value.isBlank()) {
			String trimmed = value.strip();
			metadata.put(key, (trimmed.length() > max) ? trimmed.substring(0, max) : trimmed);
		}
	}

	private String echo(InboundMessage message, ChatMessageRequest request, InboundMedia photo) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("author", "resident");
		data.put("messageId", message.id().toString());
		data.put("clientMessageId", request.clientMessageId());
		data.put("text", message.text());
		if (message.metadata().containsKey(META_QUICK_REPLY_LABEL)) {
			data.put("quickReplyLabel", message.metadata().get(META_QUICK_REPLY_LABEL));
		}
		if (photo != null) {
			data.put("photo", Map.of("mediaId", photo.storedMediaId(), "url", "/media/" + photo.storedMediaId(),
					"hasLocation", photo.exifLocation() != null));
		}
		if (message.sharedLocation() != null) {
			data.put("location",
					Map.of("lat", message.sharedLocation().latitude(), "lon", message.sharedLocation().longitude()));
		}
		return this.json.writeValueAsString(data);
	}

	/**
	 * An uploaded photo as received.
	 *
	 * @param bytes the bytes
	 * @param contentType the declared content type, or {@code null}
	 * @param filename the file name, or {@code null}
	 */
	public record Photo(byte[] bytes, String contentType, String filename) {

	}

	/**
	 * A stored message.
	 *
	 * @param messageId FrontDoor's id of the inbound message
	 * @param eventId the sequence number of its echo in the session's event log
	 * @param duplicate whether it had been stored before (a client retry)
	 */
	public record Accepted(UUID messageId, long eventId, boolean duplicate) {

	}

}
