package org.frontdoor.gateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.core.DeadLetterSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code dead_letter} table, and the gateway's {@link DeadLetterSink} for adapters.
 * Recording the same source and key again keeps one row: it counts the failure, takes the
 * newest reason and payload, and makes it {@code NEW} again (a replay that failed anew
 * shows up again).
 */
@Repository
public class DeadLetterRepository implements DeadLetterSink {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRepository.class);

	private final JdbcClient jdbc;

	public DeadLetterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adapters' entry point: committed on return, whatever transaction the caller has.
	 */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void deadLetter(String source, String key, byte[] payload, String contentType, String reason) {
		record(source, key, payload, contentType, reason);
	}

	/**
	 * Record a dead letter in the caller's transaction (so it commits together with the
	 * state change that gave up on the item).
	 * @param source the source
	 * @param key the idempotency key within the source
	 * @param payload the payload (PII: never logged)
	 * @param contentType the payload's content type
	 * @param reason why
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String source, String key, byte[] payload, String contentType, String reason) {
		this.jdbc.sql("""
				insert into dead_letter (id, source, dedupe_key, payload, content_type, reason)
				values (:id, :source, :key, :payload, :contentType, :reason)
				on conflict (source, dedupe_key) do update set reason = excluded.reason, payload = excluded.payload,
					content_type = excluded.content_type, failures = dead_letter.failures + 1,
					replay_state = 'NEW', updated_at = now()
				""")
			.param("id", UUID.randomUUID())
			.param("source", Sql.cut(source, 100))
			.param("key", Sql.cut(key, 500))
			.param("payload", payload)
			.param("contentType", Sql.cut(contentType, 255))
			.param("reason", Sql.cut(reason, 4000))
			.update();
		log.warn("Dead-lettered {} item {}: {}", source, key, Sql.cut(reason, 300));
	}

	/**
	 * List dead letters, newest first.
	 * @param source only this source, or {@code null} for all
	 * @param replayState only this state, or {@code null} for all
	 * @param limit at most this many
	 * @return the dead letters (payload not loaded)
	 */
	public List<DeadLetter> list(String source, String replayState, int limit) {
		return this.jdbc.sql("""
				select id, source, dedupe_key, null::bytea as payload, content_type, reason, failures, created_at,
					updated_at, replay_state, replay_count, replayed_at, replay_error, octet_length(payload) as size
				from dead_letter
				where (cast(:source as varchar) is null or source = :source)
				  and (cast(:state as varchar) is null or replay_state = :state)
				order by updated_at desc limit :limit
				""").param("source", source).param("state", replayState).param("limit", limit).query(this::map).list();
	}

	/**
	 * Load one dead letter with its payload.
	 * @param id the id
	 * @return the dead letter, or empty
	 */
	public Optional<DeadLetter> find(UUID id) {
		return this.jdbc.sql("select *, octet_length(payload) as size from dead_letter where id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * Find a dead letter by source and key.
	 * @param source the source
	 * @param key the key
	 * @return the dead letter, or empty
	 */
	public Optional<DeadLetter> find(String source, String key) {
		return this.jdbc.sql(
				"select *, octet_length(payload) as size from dead_letter where source = :source and dedupe_key = :key")
			.param("source", source)
			.param("key", key)
			.query(this::map)
			.optional();
	}

	/**
	 * Record a replay's outcome.
	 * @param id the dead letter
	 * @param error {@code null} when it succeeded, else why it failed
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void markReplayed(UUID id, String error) {
		this.jdbc.sql("""
				update dead_letter set replay_state = :state, replay_count = replay_count + 1, replayed_at = now(),
					replay_error = :error, updated_at = now() where id = :id
				""")
			.param("state", (error != null) ? "FAILED" : "REPLAYED")
			.param("error", Sql.cut(error, 2000))
			.param("id", id)
			.update();
	}

	/**
	 * Count dead letters by replay state.
	 * @param replayState the state
	 * @return the count
	 */
	public long count(String replayState) {
		return this.jdbc.sql("select count(*) from dead_letter where replay_state = :state")
			.param("state", replayState)
			.query(Long.class)
			.single();
	}

	private DeadLetter map(ResultSet rs, int row) throws SQLException {
		return new DeadLetter(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("dedupe_key"),
				rs.getBytes("payload"), rs.getString("content_type"), rs.getLong("size"), rs.getString("reason"),
				rs.getInt("failures"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
				rs.getString("replay_state"), rs.getInt("replay_count"), Sql.instant(rs, "replayed_at"),
				rs.getString("replay_error"));
	}

}
