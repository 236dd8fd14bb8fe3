package org.frontdoor.gateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.chat.ChatSession;
import org.frontdoor.channels.chat.ChatSessionStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chat sessions in table {@code chat_session} (migration {@code V4__chat.sql}).
 */
@Repository
public class ChatSessionRepository implements ChatSessionStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public ChatSessionRepository(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void create(ChatSession session) {
		this.jdbc
			.sql("""
					insert into chat_session (id, token_hash, locale, origin, last_event_seq, created_at, last_seen_at, expires_at)
					values (:id, :tokenHash, :locale, :origin, 0, :createdAt, :lastSeenAt, :expiresAt)
					""")
			.param("id", session.id())
			.param("tokenHash", session.tokenHash())
			.param("locale", session.locale())
			.param("origin", session.origin())
			.param("createdAt", Timestamp.from(session.createdAt()))
			.param("lastSeenAt", Timestamp.from(session.lastSeenAt()))
			.param("expiresAt", Timestamp.from(session.expiresAt()))
			.update();
	}

	@Override
	public Optional<ChatSession> find(UUID id) {
		return this.jdbc.sql("""
				select id, token_hash, locale, origin, last_event_seq, created_at, last_seen_at, expires_at
				from chat_session where id = :id
				""").param("id", id).query(ChatSessionRepository::session).optional();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Commits with {@code synchronous_commit = off}: losing the last touch in a crash
	 * only shortens a session's life by the time since the previous one.
	 */
	@Override
	public void touch(UUID id, Instant seenAt, Instant expiresAt) {
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("set local synchronous_commit = off").update();
			this.jdbc
				.sql("update chat_session set last_seen_at = :seenAt, expires_at = greatest(expires_at, :expiresAt) "
						+ "where id = :id")
				.param("id", id)
				.param("seenAt", Timestamp.from(seenAt))
				.param("expiresAt", Timestamp.from(expiresAt))
				.update();
		});
	}

	/**
	 * Delete sessions (and, by cascade, their events) that expired before a time.
	 * @param before the cut-off
	 * @return how many were deleted
	 */
	public int purgeExpiredBefore(Instant before) {
		return this.jdbc.sql("delete from chat_session where expires_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static ChatSession session(ResultSet rs, int row) throws SQLException {
		return new ChatSession(rs.getObject("id", UUID.class), rs.getBytes("token_hash"), rs.getString("locale"),
				rs.getString("origin"), rs.getLong("last_event_seq"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("last_seen_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
	}

}
