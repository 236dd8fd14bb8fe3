package org.frontdoor.gateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.chat.ChatEvent;
import org.frontdoor.channels.chat.ChatEventKind;
import org.frontdoor.channels.chat.ChatEventLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chat event log in table {@code chat_event}. An append locks the session row to take
 * the next sequence number, so sequence numbers of a session commit in order and a reader
 * resuming after {@code n} never misses one; in the same transaction it sends
 * {@code NOTIFY frontdoor_chat_event, '<session id>'}, delivered to every instance's
 * {@link ChatEventNotifications} only when the event is committed and visible.
 */
@Repository
public class ChatEventRepository implements ChatEventLog {

	/** The PostgreSQL notification channel of chat appends. */
	public static final String NOTIFY_CHANNEL = "frontdoor_chat_event";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public ChatEventRepository(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public ChatEvent append(UUID sessionId, ChatEventKind kind, String dedupeKey, String data) {
		return this.transactions.execute((status) -> {
			Optional<Long> seq = this.jdbc
				.sql("update chat_session set last_event_seq = last_event_seq + 1 where id = :id "
						+ "returning last_event_seq")
				.param("id", sessionId)
				.query(Long.class)
				.optional();
			if (seq.isEmpty()) {
				throw new UnknownChatSessionException(sessionId);
			}
			// the session row is locked now: no concurrent append of this session can
			// race
			Optional<ChatEvent> earlier = findByDedupeKey(sessionId, dedupeKey);
			if (earlier.isPresent()) {
				status.setRollbackOnly();
				return earlier.get();
			}
			ChatEvent event = this.jdbc.sql("""
					insert into chat_event (session_id, seq, kind, dedupe_key, data)
					values (:sessionId, :seq, :kind, :dedupeKey, cast(:data as jsonb))
					returning session_id, seq, kind, data::text as data, created_at
					""")
				.param("sessionId", sessionId)
				.param("seq", seq.get())
				.param("kind", kind.name())
				.param("dedupeKey", dedupeKey)
				.param("data", data)
				.query(ChatEventRepository::event)
				.single();
			this.jdbc.sql("select pg_notify(:channel, :payload)")
				.param("channel", NOTIFY_CHANNEL)
				.param("payload", sessionId.toString())
				.query((rs, row) -> 1)
				.list();
			return event;
		});
	}

	@Override
	public Optional<ChatEvent> findByDedupeKey(UUID sessionId, String dedupeKey) {
		return this.jdbc.sql("""
				select session_id, seq, kind, data::text as data, created_at from chat_event
				where session_id = :sessionId and dedupe_key = :dedupeKey
				""")
			.param("sessionId", sessionId)
			.param("dedupeKey", dedupeKey)
			.query(ChatEventRepository::event)
			.optional();
	}

	@Override
	public List<ChatEvent> after(UUID sessionId, long afterSeq, int limit) {
		return this.jdbc.sql("""
				select session_id, seq, kind, data::text as data, created_at from chat_event
				where session_id = :sessionId and seq > :after order by seq limit :limit
				""")
			.param("sessionId", sessionId)
			.param("after", afterSeq)
			.param("limit", limit)
			.query(ChatEventRepository::event)
			.list();
	}

	private static ChatEvent event(ResultSet rs, int row) throws SQLException {
		return new ChatEvent(rs.getObject("session_id", UUID.class), rs.getLong("seq"),
				ChatEventKind.of(rs.getString("kind")), rs.getString("data"),
				rs.getTimestamp("created_at").toInstant());
	}

}
