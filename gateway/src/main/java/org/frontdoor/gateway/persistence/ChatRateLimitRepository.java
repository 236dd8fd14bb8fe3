package org.frontdoor.gateway.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.frontdoor.channels.chat.ChatRateLimiter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window request counters in table {@code chat_rate_limit}, shared by every
 * instance: one atomic upsert per request ({@code INSERT … ON CONFLICT DO UPDATE …
 * RETURNING}), so concurrent requests on several instances count exactly. The upsert
 * commits with {@code synchronous_commit = off}: a counter needs no disk flush (a crash
 * can forget the last few hits, which only loosens a limit for one window), and the
 * request does not wait for one.
 */
@Repository
public class ChatRateLimitRepository implements ChatRateLimiter {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public ChatRateLimitRepository(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public Decision hit(String bucket, int limit, Duration window) {
		long windowMillis = Math.max(1000, window.toMillis());
		Instant now = Instant.now();
		Instant start = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), windowMillis));
		Integer hits = this.transactions.execute((status) -> {
			this.jdbc.sql("set local synchronous_commit = off").update();
			return this.jdbc.sql("""
					insert into chat_rate_limit (bucket, window_start, hits) values (:bucket, :start, 1)
					on conflict (bucket, window_start) do update set hits = chat_rate_limit.hits + 1
					returning hits
					""").param("bucket", bucket).param("start", Timestamp.from(start)).query(Integer.class).single();
		});
		if (hits != null && hits <= limit) {
			return new Decision(true, Duration.ZERO);
		}
		return new Decision(false, Duration.between(now, start.plusMillis(windowMillis)));
	}

	/**
	 * Delete counters of windows that started before a time.
	 * @param before the cut-off (older than the longest configured window)
	 * @return how many were deleted
	 */
	public int purgeWindowsBefore(Instant before) {
		return this.jdbc.sql("delete from chat_rate_limit where window_start < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

}
