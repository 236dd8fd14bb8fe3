package org.frontdoor.channels.chat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable, per-session log of everything the widget shows (implemented by the gateway
 * on its database). Sequence numbers grow by one per session and are assigned under a
 * lock on the session, so a reader that saw event {@code n} never later finds a new event
 * below {@code n}. After each append the implementation must wake the streams of that
 * session on every instance ({@link ChatEventSignals}).
 */
public interface ChatEventLog {

	/**
	 * Append an event unless one with the same dedupe key is already in the session's
	 * log. On return it is committed.
	 * @param sessionId the session
	 * @param kind the kind
	 * @param dedupeKey an idempotency key unique within the session (e.g.
	 * {@code in:<client message id>}, {@code out:<outbound message id>})
	 * @param data the event's JSON object
	 * @return the appended event, or the earlier one with the same key
	 * @throws UnknownChatSessionException when the session does not exist
	 */
	ChatEvent append(UUID sessionId, ChatEventKind kind, String dedupeKey, String data);

	/**
	 * The event appended with a dedupe key, if any.
	 * @param sessionId the session
	 * @param dedupeKey the key
	 * @return the event, or empty
	 */
	Optional<ChatEvent> findByDedupeKey(UUID sessionId, String dedupeKey);

	/**
	 * Events after a position, oldest first.
	 * @param sessionId the session
	 * @param afterSeq the last sequence number the reader has (0 for all)
	 * @param limit the most to return
	 * @return up to {@code limit} events with {@code seq > afterSeq}
	 */
	List<ChatEvent> after(UUID sessionId, long afterSeq, int limit);

	/** Thrown by {@link #append} when the session does not exist. */
	class UnknownChatSessionException extends RuntimeException {

		public UnknownChatSessionException(UUID sessionId) {
			super("no chat session " + sessionId);
		}

	}

}
