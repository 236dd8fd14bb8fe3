package org.frontdoor.channels.chat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where chat sessions live (implemented by the gateway on its database, so every instance
 * sees every session).
 */
public interface ChatSessionStore {

	/**
	 * Durably create a session. On return it is committed.
	 * @param session the new session
	 */
	void create(ChatSession session);

	/**
	 * Look a session up.
	 * @param id the session id
	 * @return the session, or empty when there is none (never was, or purged)
	 */
	Optional<ChatSession> find(UUID id);

	/**
	 * Record that the resident was active, pushing the expiry back.
	 * @param id the session id
	 * @param seenAt when
	 * @param expiresAt the new expiry
	 */
	void touch(UUID id, Instant seenAt, Instant expiresAt);

}
