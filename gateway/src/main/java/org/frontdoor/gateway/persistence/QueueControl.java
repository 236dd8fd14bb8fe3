package org.frontdoor.gateway.persistence;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Halting and resuming queues, shared by every instance through {@code queue_control}. A
 * queue halts when the remote side rejects our credentials (Open311 401/403, a provider's
 * bad account): retrying would only burn attempts. An admin resumes it once the
 * configuration is fixed ({@code POST /admin/queues/{name}/resume}).
 */
@Repository
public class QueueControl {

	private static final Logger log = LoggerFactory.getLogger(QueueControl.class);

	private final JdbcClient jdbc;

	public QueueControl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether a queue is halted.
	 * @param queue the queue name
	 * @return {@code true} if halted
	 */
	public boolean isHalted(String queue) {
		return this.jdbc.sql("select halted from queue_control where queue_name = :queue")
			.param("queue", queue)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Halt a queue and say why (an admin alert: health shows {@code HALTED}, the metric
	 * {@code frontdoor.queue.halted} turns 1).
	 * @param queue the queue name
	 * @param reason why, for the admin (no secrets)
	 */
	public void halt(String queue, String reason) {
		int changed = this.jdbc.sql("""
				insert into queue_control (queue_name, halted, reason, halted_at, updated_at)
				values (:queue, true, :reason, now(), now())
				on conflict (queue_name) do update set halted = true, reason = excluded.reason,
					halted_at = coalesce(queue_control.halted_at, now()), updated_at = now()
				where not queue_control.halted
				""").param("queue", queue).param("reason", Sql.cut(reason, 2000)).update();
		if (changed > 0) {
			log.error("Queue '{}' HALTED: {}. Fix the configuration, then resume it with POST /admin/queues/{}/resume",
					queue, reason, queue);
		}
	}

	/**
	 * Resume a halted queue.
	 * @param queue the queue name
	 * @return whether it was halted
	 */
	public boolean resume(String queue) {
		boolean resumed = this.jdbc
			.sql("update queue_control set halted = false, reason = null, halted_at = null, updated_at = now() "
					+ "where queue_name = :queue and halted")
			.param("queue", queue)
			.update() == 1;
		if (resumed) {
			log.warn("Queue '{}' resumed by an admin", queue);
		}
		return resumed;
	}

	/**
	 * Every queue's halt state.
	 * @return the states
	 */
	public List<State> states() {
		return this.jdbc.sql("select queue_name, halted, reason, halted_at from queue_control order by queue_name")
			.query((rs, row) -> new State(rs.getString("queue_name"), rs.getBoolean("halted"), rs.getString("reason"),
					Sql.instant(rs, "halted_at")))
			.list();
	}

	/**
	 * One queue's halt state.
	 *
	 * @param queue the queue name
	 * @param halted whether it is halted
	 * @param reason why, or {@code null}
	 * @param haltedAt since when, or {@code null}
	 */
	public record State(String queue, boolean halted, String reason, Instant haltedAt) {

	}

}
