package org.frontdoor.channels.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * One chat session: a resident's conversation with the widget, addressed as
 * {@code chat:<id>}. The token that proves ownership is never stored, only its SHA-256
 * hash.
 *
 * @param id the session id (random, part of URLs)
 * @param tokenHash SHA-256 of the session token
 * @param locale the language the session started in ({@code en}, {@code es})
 * @param origin the origin of the page that opened it, or {@code null} (non-browser
 * clients)
 * @param lastEventSeq the sequence number of the session's newest event (0 when none)
 * @param createdAt when it was opened
 * @param lastSeenAt when the resident last sent a message or opened a stream
 * @param expiresAt when it expires unless the resident comes back before
 */
public record ChatSession(UUID id, byte[] tokenHash, String locale, String origin, long lastEventSeq, Instant createdAt,
		Instant lastSeenAt, Instant expiresAt) {

	/**
	 * Whether the session had expired at the given time.
	 * @param now the time
	 * @return {@code true} if it can no longer be used
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	/**
	 * The resident's address, as used in {@code InboundMessage.from} and
	 * {@code OutboundMessage.to}.
	 * @return {@code chat:<id>}
	 */
	public String address() {
		return ChatAddress.of(this.id);
	}

}
