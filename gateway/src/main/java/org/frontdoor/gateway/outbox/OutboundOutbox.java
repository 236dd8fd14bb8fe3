package org.frontdoor.gateway.outbox;

import java.time.Instant;
import java.util.UUID;

import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.gateway.persistence.Sql;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues rendered messages for residents (the second outbox). Call it inside the
 * transaction that decided to send (a conversation step, a
 * {@link SubmissionResolvedEvent} or status-change listener): the row commits with that
 * decision and the {@link OutboundWorker} delivers it through the {@code OutboundSender}
 * that supports its channel.
 */
@Service
public class OutboundOutbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final OutboundWorker worker;

	public OutboundOutbox(JdbcClient jdbc, JsonMapper json, OutboundWorker worker) {
		this.jdbc = jdbc;
		this.json = json;
		this.worker = worker;
	}

	/**
	 * Queue a message for delivery as soon as possible.
	 * @param message the message
	 * @return whether it was queued (always, without a dedupe key)
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public boolean enqueue(OutboundMessage message) {
		return enqueue(message, Options.NONE);
	}

	/**
	 * Queue a message.
	 * @param message the message
	 * @param options dedupe key, earliest send time, opt-out override
	 * @return {@code true} if queued, {@code false} if a message with the same dedupe key
	 * was queued before
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public boolean enqueue(OutboundMessage message, Options options) {
		int inserted = this.jdbc
			.sql("""
					insert into outbound_message (id, channel, recipient, message, dedupe_key, ignore_opt_out, next_attempt_at)
					values (:id, :channel, :recipient, cast(:message as jsonb), :dedupeKey, :ignoreOptOut,
						coalesce(:notBefore, now()))
					on conflict (dedupe_key) do nothing
					""")
			.param("id", message.id())
			.param("channel", message.channel().name())
			.param("recipient", message.to())
			.param("message", this.json.writeValueAsString(message))
			.param("dedupeKey", options.dedupeKey())
			.param("ignoreOptOut", options.ignoreOptOut())
			.param("notBefore", Sql.ts(options.notBefore()))
			.update();
		if (inserted == 1 && options.notBefore() == null) {
			this.worker.wakeUpAfterCommit();
		}
		return inserted == 1;
	}

	/**
	 * The delivery state of a queued message.
	 * @param id the message id
	 * @return the state, or {@code null} when unknown
	 */
	public Delivery delivery(UUID id) {
		return this.jdbc
			.sql("select state, attempts, delivery_status, delivery_error_code, provider_message_id, "
					+ "last_error from outbound_message where id = :id")
			.param("id", id)
			.query((rs, row) -> new Delivery(rs.getString("state"), rs.getInt("attempts"),
					rs.getString("delivery_status"), rs.getString("delivery_error_code"),
					rs.getString("provider_message_id"), rs.getString("last_error")))
			.optional()
			.orElse(null);
	}

	/**
	 * How to queue a message.
	 *
	 * @param dedupeKey makes the enqueue idempotent (e.g.
	 * {@code status-change:<id>:subscription:<id>}), or {@code null}
	 * @param notBefore do not send before this time (quiet hours), or {@code null}
	 * @param ignoreOptOut send even to an opted-out address (only the one STOP
	 * confirmation)
	 */
	public record Options(String dedupeKey, Instant notBefore, boolean ignoreOptOut) {

		/** No dedupe key, send now, respect opt-outs. */
		public static final Options NONE = new Options(null, null, false);

	}

	/**
	 * Where a message stands.
	 *
	 * @param state the queue state
	 * @param attempts attempts so far
	 * @param deliveryStatus the provider's latest status, or {@code null}
	 * @param deliveryErrorCode the provider's error code, or {@code null}
	 * @param providerMessageId the provider's id, or {@code null}
	 * @param lastError the last failure, or {@code null}
	 */
	public record Delivery(String state, int attempts, String deliveryStatus, String deliveryErrorCode,
			String providerMessageId, String lastError) {

	}

}
