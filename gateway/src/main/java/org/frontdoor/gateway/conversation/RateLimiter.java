package org.frontdoor.gateway.conversation;

import java.time.Duration;
import java.time.Instant;

import org.frontdoor.gateway.persistence.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts each resident's messages (all their channels together) in fixed windows, in the
 * database so every gateway instance shares the count ({@code rate_limit}).
 */
@Component
public class RateLimiter {

	private final JdbcClient jdbc;

	private final ConversationProperties.RateLimit limit;

	public RateLimiter(JdbcClient jdbc, ConversationProperties properties) {
		this.jdbc = jdbc;
		this.limit = properties.rateLimit();
	}

	/**
	 * Count one message.
	 * @param identity the resident across channels
	 * @param now the current time
	 * @return the verdict
	 */
	public Verdict count(String identity, Instant now) {
		Instant window = windowStart(now);
		int messages = this.jdbc.sql("""
				insert into rate_limit (identity, window_start, messages) values (:identity, :window, 1)
				on conflict (identity, window_start) do update set messages = rate_limit.messages + 1
				returning messages
				""").param("identity", identity).param("window", Sql.ts(window)).query(Integer.class).single();
		Duration left = Duration.between(now, window.plus(this.limit.window()));
		return new Verdict(messages <= this.limit.maxMessages(), messages == this.limit.maxMessages() + 1,
				(int) Math.max(1, (left.toSeconds() + 59) / 60), window);
	}

	/**
	 * Forget windows that ended before a time.
	 * @param before the time
	 * @return how many were removed
	 */
	public int purge(Instant before) {
		return this.jdbc.sql("delete from rate_limit where window_start < :before")
			.param("before", Sql.ts(before.minus(this.limit.window())))
			.update();
	}

	private Instant windowStart(Instant now) {
		long size = this.limit.window().toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
	}

	/**
	 * The outcome of counting a message.
	 *
	 * @param allowed whether it may be processed
	 * @param firstRefused whether it is the first one refused in this window (tell the
	 * resident once)
	 * @param retryMinutes minutes until the window ends
	 * @param window the window's start
	 */
	public record Verdict(boolean allowed, boolean firstRefused, int retryMinutes, Instant window) {

	}

}
