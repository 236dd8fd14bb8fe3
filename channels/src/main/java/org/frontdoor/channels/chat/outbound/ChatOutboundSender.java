package org.frontdoor.channels.chat.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.chat.ChatAddress;
import org.frontdoor.channels.chat.ChatEvent;
import org.frontdoor.channels.chat.ChatEventKind;
import org.frontdoor.channels.chat.ChatEventLog;
import org.frontdoor.channels.chat.ChatSession;
import org.frontdoor.channels.chat.ChatSessionStore;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.core.SendException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Delivers replies and status updates on the {@code CHAT} channel: appends them to the
 * session's event log (durable, so the resident sees them on the next visit) which wakes
 * the session's open streams on every instance. Idempotent: the outbox retrying the same
 * {@link OutboundMessage#id()} appends nothing new and gets the same receipt.
 * <p>
 * Headers read: see {@link ChatHeaders}. Quick replies become buttons; pressing one sends
 * its {@code value} as the resident's text.
 */
@Component
public class ChatOutboundSender implements OutboundSender {

	/**
	 * The receipt status: stored in the session's log, shown whenever the widget is open.
	 */
	public static final String STATUS_STORED = "stored";

	private final ChatSessionStore sessions;

	private final ChatEventLog events;

	private final JsonMapper json;

	public ChatOutboundSender(ChatSessionStore sessions, ChatEventLog events, JsonMapper json) {
		this.sessions = sessions;
		this.events = events;
		this.json = json;
	}

	@Override
	public boolean supports(Channel channel) {
		return channel == Channel.CHAT;
	}

	@Override
	public SendReceipt send(OutboundMessage message) throws SendException {
		if (message.channel() != Channel.CHAT) {
			throw new SendException(SendException.Policy.GIVE_UP, "wrong-channel",
					"the chat sender cannot deliver on " + message.channel());
		}
		UUID sessionId = ChatAddress.sessionId(message.to())
			.orElseThrow(() -> new SendException(SendException.Policy.GIVE_UP, "bad-address",
					"not a chat address (expected chat:<session id>)"));
		ChatEvent event;
		try {
			Optional<ChatSession> session = this.sessions.find(sessionId);
			if (session.isEmpty()) {
				throw new SendException(SendException.Policy.GIVE_UP, "unknown-session",
						"chat session " + sessionId + " does not exist");
			}
			if (session.get().isExpiredAt(Instant.now())) {
				throw new SendException(SendException.Policy.GIVE_UP, "session-expired", "chat session " + sessionId
						+ " expired at " + session.get().expiresAt() + "; the resident can no longer read it");
			}
			event = this.events.append(sessionId, kind(message), "out:" + message.id(), data(message));
		}
		catch (ChatEventLog.UnknownChatSessionException ex) {
			throw new SendException(SendException.Policy.GIVE_UP, "unknown-session", ex.getMessage());
		}
		catch (RuntimeException ex) {
			throw new SendException(SendException.Policy.RETRY, "event-log-unavailable",
					"could not append to the chat event log: " + ex.getClass().getSimpleName(), null, ex);
		}
		return new SendReceipt(sessionId + "/" + event.seq(), STATUS_STORED);
	}

	static ChatEventKind kind(OutboundMessage message) {
		String kind = message.headers().get(ChatHeaders.KIND);
		if (kind != null && "status".equals(kind.toLowerCase(Locale.ROOT).strip())) {
			return ChatEventKind.STATUS;
		}
		return ChatEventKind.REPLY;
	}

	private String data(OutboundMessage message) {
		Map<String, String> headers = message.headers();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("author", "city");
		data.put("text", message.text());
		List<Map<String, String>> buttons = new ArrayList<>();
		for (OutboundMessage.QuickReply reply : message.quickReplies()) {
			if (reply != null && reply.value() != null && !reply.value().isBlank()) {
				String label = (reply.label() != null && !reply.label().isBlank()) ? reply.label() : reply.value();
				buttons.add(Map.of("label", label, "value", reply.value()));
			}
		}
		if (!buttons.isEmpty()) {
			data.put("quickReplies", buttons);
		}
		putIfPresent(data, "locale", headers.get(ChatHeaders.LANGUAGE));
		Map<String, String> request = new LinkedHashMap<>();
		putIfPresent(request, "id", headers.get(ChatHeaders.SERVICE_REQUEST_ID));
		putIfPresent(request, "status", headers.get(ChatHeaders.STATUS));
		putIfPresent(request, "statusDetail", headers.get(ChatHeaders.STATUS_DETAIL));
		if (!request.isEmpty()) {
			data.put("request", request);
		}
		if (!message.mediaUrls().isEmpty()) {
			data.put("media", message.mediaUrls());
		}
		data.put("outboundId", message.id().toString());
		return this.json.writeValueAsString(data);
	}

	private static <V> void putIfPresent(Map<String, V> map, String key, V value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			map.put(key, value);
		}
	}

}
