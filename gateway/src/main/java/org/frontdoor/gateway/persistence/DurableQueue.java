package org.frontdoor.gateway.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim / backoff / dead-letter mechanics shared by every durable queue table (rows
 * with {@code state, attempts, next_attempt_at, lease_until, claimed_by, last_error}).
 * <p>
 * A claim marks due rows {@code IN_FLIGHT} with a lease, using
 * {@code FOR UPDATE SKIP LOCKED} so concurrent instances never take the same row, and
 * commits at once: no transaction stays open during a remote call. A row whose lease ran
 * out (its worker died) becomes claimable again and is reported as
 * {@link Claim#leaseExpired()}. Outcomes are fenced by the claim.
 */
public class DurableQueue {

	private final JdbcClient jdbc;

	private final String table;

	private final String name;

	private final String orderCondition;

	/**
	 * Create a queue over a table whose rows are independent of each other.
	 * @param jdbc the JDBC client
	 * @param table the table (a constant from code, never user input)
	 * @param name the queue name ({@link QueueNames})
	 */
	public DurableQueue(JdbcClient jdbc, String table, String name) {
		this(jdbc, table, name, List.of());
	}

	private DurableQueue(JdbcClient jdbc, String table, String name, List<String> orderKey) {
		this.jdbc = jdbc;
		this.table = table;
		this.name = name;
		this.orderCondition = orderKey.isEmpty() ? "" : orderCondition(table, orderKey);
	}

	/**
	 * Create a queue whose rows with the same key are worked in insertion order (the
	 * table has a {@code seq} identity column): a row is not claimed while an earlier row
	 * with the same key is in flight or due. An earlier row that is waiting (retry
	 * backoff, quiet hours, a halted channel) does not hold later ones back.
	 * @param jdbc the JDBC client
	 * @param table the table (a constant from code, never user input)
	 * @param name the queue name ({@link QueueNames})
	 * @param keyColumns the columns that make the key (constants from code)
	 * @return the queue
	 */
	public static DurableQueue orderedBy(JdbcClient jdbc, String table, String name, String... keyColumns) {
		if (keyColumns.length == 0) {
			throw new IllegalArgumentException("an ordered queue needs at least one key column");
		}
		return new DurableQueue(jdbc, table, name, List.of(keyColumns));
	}

	private static String orderCondition(String table, List<String> keyColumns) {
		StringBuilder sameKey = new StringBuilder();
		for (String column : keyColumns) {
			sameKey.append(" and e.").append(column).append(" = q.").append(column);
		}
		return """
				and not exists (select 1 from %s e where e.seq < q.seq%s
					and (e.state = 'IN_FLIGHT' or (e.state = 'PENDING' and e.next_attempt_at <= now())))
				""".formatted(table, sameKey);
	}

	/**
	 * The queue's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The queue's table.
	 * @return the table
	 */
	public String table() {
		return this.table;
	}

	/**
	 * Claim up to {@code limit} due rows, oldest due first, and commit the claim.
	 * @param limit the batch size
	 * @param lease how long the rows stay with this worker
	 * @param worker the worker id
	 * @return the claims
	 */
	public List<Claim> claim(int limit, Duration lease, String worker) {
		String sql = """
				with due as (
					select q.id, q.state as previous_state from %s q
					where ((q.state = 'PENDING' and q.next_attempt_at <= now())
					   or (q.state = 'IN_FLIGHT' and q.lease_until < now()))
					%s
					order by q.next_attempt_at
					limit :limit
					for update of q skip locked)
				update %s t set state = 'IN_FLIGHT', attempts = t.attempts + 1,
					lease_until = now() + make_interval(secs => :lease), claimed_by = :worker, updated_at = now()
				from due where t.id = due.id
				returning t.id, t.attempts, due.previous_state
				""".formatted(this.table, this.orderCondition, this.table);
		return this.jdbc.sql(sql)
			.param("limit", limit)
			.param("lease", lease.toMillis() / 1000.0)
			.param("worker", worker)
			.query((rs, row) -> new Claim(rs.getObject("id", UUID.class), rs.getInt("attempts"), worker,
					"IN_FLIGHT".equals(rs.getString("previous_state"))))
			.list();
	}

	/**
	 * Record success.
	 * @param claim the claim
	 * @return whether the claim still held
	 */
	public boolean complete(Claim claim) {
		return outcome(claim, "state = 'DONE', lease_until = null, last_error = null", null, null);
	}

	/**
	 * Record a failed attempt to be retried after {@code delay}.
	 * @param claim the claim
	 * @param error why it failed (no PII)
	 * @param delay when to try again
	 * @return whether the claim still held
	 */
	public boolean retry(Claim claim, String error, Duration delay) {
		return outcome(claim,
				"state = 'PENDING', lease_until = null, last_error = :error, next_attempt_at = now() + make_interval(secs => :delay)",
				error, delay);
	}

	/**
	 * Put the row back without counting the attempt (e.g. the queue was halted, nobody
	 * can deliver it yet).
	 * @param claim the claim
	 * @param reason why (kept as the last error)
	 * @param delay when to look again
	 * @return whether the claim still held
	 */
	public boolean release(Claim claim, String reason, Duration delay) {
		return outcome(claim,
				"state = 'PENDING', attempts = attempts - 1, lease_until = null, last_error = :error, next_attempt_at = now() + make_interval(secs => :delay)",
				reason, delay);
	}

	/**
	 * Schedule the next step of a multi-step row (e.g. resolve a token) with a fresh
	 * attempt count.
	 * @param claim the claim
	 * @param delay when
	 * @return whether the claim still held
	 */
	public boolean reschedule(Claim claim, Duration delay) {
		return outcome(claim,
				"state = 'PENDING', attempts = 0, lease_until = null, last_error = :error, next_attempt_at = now() + make_interval(secs => :delay)",
				null, delay);
	}

	/**
	 * Give up on the row (the caller dead-letters it in the same transaction).
	 * @param claim the claim
	 * @param reason why
	 * @return whether the claim still held
	 */
	public boolean dead(Claim claim, String reason) {
		return outcome(claim, "state = 'DEAD', lease_until = null, last_error = :error", reason, null);
	}

	/**
	 * Put a row back in the queue with a fresh attempt count (dead-letter replay).
	 * @param id the row
	 * @return whether a row was requeued
	 */
	public boolean requeue(UUID id) {
		return this.jdbc.sql("update " + this.table + " set state = 'PENDING', attempts = 0, lease_until = null, "
				+ "claimed_by = null, next_attempt_at = now(), updated_at = now() where id = :id and state <> 'IN_FLIGHT'")
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Make rows that were put back because their queue or channel was halted due now (an
	 * admin just resumed it).
	 * @return how many rows were brought forward
	 */
	public int retryHeldNow() {
		return this.jdbc
			.sql("update " + this.table + " set next_attempt_at = now(), updated_at = now() "
					+ "where state = 'PENDING' and next_attempt_at > now() and left(last_error, :n) = :prefix")
			.param("n", QueueWorker.HALTED.length())
			.param("prefix", QueueWorker.HALTED)
			.update();
	}

	/**
	 * Depth and age of the queue.
	 * @return the statistics
	 */
	public QueueStats stats() {
		String sql = """
				select count(*) filter (where state = 'PENDING') as pending,
				       count(*) filter (where state = 'IN_FLIGHT') as in_flight,
				       count(*) filter (where state = 'DEAD') as dead,
				       min(created_at) filter (where state in ('PENDING', 'IN_FLIGHT')) as oldest
				from %s
				""".formatted(this.table);
		QueueStats counts = this.jdbc.sql(sql)
			.query((rs, row) -> new QueueStats(this.name, rs.getLong("pending"), rs.getLong("in_flight"),
					rs.getLong("dead"), Sql.instant(rs, "oldest"), null))
			.single();
		Optional<QueueStats.Item> oldest = this.jdbc
			.sql("select id, created_at, attempts, next_attempt_at, last_error from " + this.table
					+ " where state in ('PENDING', 'IN_FLIGHT') order by created_at limit 1")
			.query((rs, row) -> new QueueStats.Item(rs.getObject("id", UUID.class), Sql.instant(rs, "created_at"),
					rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"), rs.getString("last_error")))
			.optional();
		return new QueueStats(counts.queue(), counts.pending(), counts.inFlight(), counts.dead(),
				counts.oldestCreatedAt(), oldest.orElse(null));
	}

	private boolean outcome(Claim claim, String set, String error, Duration delay) {
		String sql = "update " + this.table + " set " + set + ", updated_at = now() "
				+ "where id = :id and claimed_by = :worker and attempts = :attempts and state = 'IN_FLIGHT'";
		var spec = this.jdbc.sql(sql)
			.param("id", claim.id())
			.param("worker", claim.worker())
			.param("attempts", claim.attempts());
		if (sql.contains(":error")) {
			spec = spec.param("error", Sql.cut(error, 2000));
		}
		if (sql.contains(":delay")) {
			spec = spec.param("delay", (delay != null) ? delay.toMillis() / 1000.0 : 0.0);
		}
		return spec.update() == 1;
	}

	/**
	 * The age of the oldest waiting row.
	 * @param stats statistics from {@link #stats()}
	 * @param now the current time
	 * @return the age, or {@link Duration#ZERO} when nothing waits
	 */
	public static Duration oldestAge(QueueStats stats, Instant now) {
		return (stats.oldestCreatedAt() != null) ? Duration.between(stats.oldestCreatedAt(), now) : Duration.ZERO;
	}

}
