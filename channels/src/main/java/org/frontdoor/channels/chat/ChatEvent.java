package org.frontdoor.channels.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a session's event log, streamed to the widget as a server-sent event.
 *
 * @param sessionId the session
 * @param seq its position in the session's log: 1, 2, 3, … without reuse; the SSE
 * {@code id:} a client resumes from
 * @param kind what it is
 * @param data the event's JSON object (see {@code ChatEventData}), sent as SSE
 * {@code data:}
 * @param createdAt when it was appended
 */
public record ChatEvent(UUID sessionId, long seq, ChatEventKind kind, String data, Instant createdAt) {

}
