package org.frontdoor.gateway.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.DeliveryReport;
import org.frontdoor.channels.core.DeliveryReportListener;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.gateway.persistence.DeadLetter;
import org.frontdoor.gateway.persistence.DeadLetterReplayHandler;
import org.frontdoor.gateway.persistence.DeadLetterRepository;
import org.frontdoor.gateway.persistence.OptOutRepository;
import org.frontdoor.gateway.persistence.Sql;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records providers' delivery reports on the outbound row they are about (matched by
 * channel and provider message id) and applies an {@code OPT_OUT} policy as an opt-out of
 * that row's recipient. Only persists (it runs on webhook threads).
 * <p>
 * Idempotent and order-proof: a repeated report changes nothing, and a report never moves
 * a message back to an earlier stage (callbacks arrive out of order: a late {@code sent}
 * after {@code delivered} is ignored; {@link #STAGES}). A report that arrives before the
 * worker recorded the provider's id (the provider can call back within milliseconds of
 * accepting a message) is kept as a dead letter of source {@value #DEAD_LETTER_SOURCE}
 * and applied as soon as the id is recorded, or replayed from the admin API; it is never
 * dropped.
 * <p>
 * A report and the recording of its provider id can run at the same moment (the
 * callback's transaction looks for the row before the worker's commits; the worker looks
 * for early reports before the callback's commits) and each would miss the other. Both
 * therefore take a transaction-scoped PostgreSQL advisory lock on the channel and
 * provider id before they look, so the second always sees what the first committed.
 */
@Component
public class DeliveryReports implements DeliveryReportListener, DeadLetterReplayHandler {

	/** Dead-letter source of reports about a message not (yet) known. */
	public static final String DEAD_LETTER_SOURCE = "delivery.report";

	/**
	 * First key of the advisory locks taken here (the second is the provider id's hash).
	 */
	static final int LOCK_NAMESPACE = 0x0fd0_0001;

	/**
	 * How far along a message is, per normalized provider status: a report only replaces
	 * the recorded status when its stage is later, or the same stage and newer. Statuses
	 * not in the table are ordered by time alone.
	 */
	static final Map<String, Integer> STAGES = Map.ofEntries(Map.entry("accepted", 0), Map.entry("scheduled", 0),
			Map.entry("queued", 1), Map.entry("sending", 2), Map.entry("sent", 3), Map.entry("delivered", 4),
			Map.entry("undelivered", 4), Map.entry("failed", 4), Map.entry("canceled", 4), Map.entry("read", 5));

	private final JdbcClient jdbc;

	private final OptOutRepository optOuts;

	private final DeadLetterRepository deadLetters;

	private final JsonMapper json;

	private final Clock clock;

	public DeliveryReports(JdbcClient jdbc, OptOutRepository optOuts, DeadLetterRepository deadLetters, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.optOuts = optOuts;
		this.deadLetters = deadLetters;
		this.json = json;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void onDeliveryReport(DeliveryReport report) {
		DeliveryReport stamped = (report.reportedAt() != null) ? report : new DeliveryReport(report.channel(),
				report.providerMessageId(), report.status(), report.errorCode(), report.policy(), this.clock.instant());
		if (!apply(stamped)) {
			this.deadLetters.record(DEAD_LETTER_SOURCE, key(stamped), this.json.writeValueAsBytes(stamped),
					"application/json", "delivery report " + stamped.status()
							+ " for a message with no recorded provider id (yet); applied when it is recorded");
		}
	}

	/**
	 * Record that the provider accepted an outbound message under its id, and apply the
	 * reports about that id that arrived first. Called in the transaction that completes
	 * the send.
	 * @param outboundId the outbound message
	 * @param channel its channel
	 * @param providerMessageId the provider's id
	 * @param status the status the provider answered the send with
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordSent(UUID outboundId, Channel channel, String providerMessageId, String status) {
		lock(channel, providerMessageId);
		this.jdbc.sql("""
				update outbound_message set delivery_status = :status, delivery_error_code = null,
					provider_message_id = :provider, delivery_updated_at = now(), sent_at = now()
				where id = :id
				""")
			.param("status", Sql.cut(status, 32))
			.param("provider", providerMessageId)
			.param("id", outboundId)
			.update();
		for (DeadLetter letter : this.deadLetters.findNew(DEAD_LETTER_SOURCE, prefix(channel, providerMessageId))) {
			if (apply(read(letter))) {
				this.deadLetters.markReplayed(letter.id(), null);
			}
		}
	}

	/**
	 * Record a report on its outbound row.
	 * @param report the report, with its time
	 * @return {@code false} when no outbound row carries its provider id
	 */
	private boolean apply(DeliveryReport report) {
		lock(report.channel(), report.providerMessageId());
		Optional<Row> found = this.jdbc.sql("""
				select id, recipient, delivery_status, delivery_updated_at from outbound_message
				where channel = :channel and provider_message_id = :provider for update
				""")
			.param("channel", report.channel().name())
			.param("provider", report.providerMessageId())
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("recipient"),
					rs.getString("delivery_status"), Sql.instant(rs, "delivery_updated_at")))
			.optional();
		if (found.isEmpty()) {
			return false;
		}
		Row row = found.get();
		if (supersedes(report.status(), report.reportedAt(), row.status(), row.updatedAt())) {
			this.jdbc.sql("""
					update outbound_message set delivery_status = :status, delivery_error_code = :code,
						delivery_updated_at = :at, updated_at = now()
					where id = :id
					""")
				.param("status", Sql.cut(report.status(), 32))
				.param("code", Sql.cut(report.errorCode(), 64))
				.param("at", Sql.ts(report.reportedAt()))
				.param("id", row.id())
				.update();
		}
		if (report.policy() == SendException.Policy.OPT_OUT) {
			this.optOuts.optOut(report.channel(), row.recipient(), "carrier",
					"delivery report " + report.status() + " " + report.errorCode());
		}
		return true;
	}

	/**
	 * Serialize, until the transaction ends, with every other transaction about this
	 * provider id (re-entrant within one transaction).
	 */
	private void lock(Channel channel, String providerMessageId) {
		this.jdbc.sql("select pg_advisory_xact_lock(:namespace, hashtext(:key))")
			.param("namespace", LOCK_NAMESPACE)
			.param("key", prefix(channel, providerMessageId))
			.query((rs, n) -> 1)
			.list();
	}

	/**
	 * Whether a reported status replaces the recorded one.
	 * @param status the reported status
	 * @param at when it was reported
	 * @param current the recorded status, or {@code null}
	 * @param currentAt when it was recorded, or {@code null}
	 * @return {@code true} to record the report
	 */
	static boolean supersedes(String status, Instant at, String current, Instant currentAt) {
		if (current == null) {
			return true;
		}
		Integer stage = STAGES.get(status.toLowerCase(Locale.ROOT));
		Integer currentStage = STAGES.get(current.toLowerCase(Locale.ROOT));
		if (stage != null && currentStage != null && !stage.equals(currentStage)) {
			return stage > currentStage;
		}
		return currentAt == null || !at.isBefore(currentAt);
	}

	@Override
	public boolean supports(String source) {
		return DEAD_LETTER_SOURCE.equals(source);
	}

	@Override
	public void replay(DeadLetter deadLetter) {
		if (!apply(read(deadLetter))) {
			throw new IllegalStateException("still no outbound message with this provider id");
		}
	}

	private DeliveryReport read(DeadLetter letter) {
		return this.json.readValue(new String(letter.payload(), StandardCharsets.UTF_8), DeliveryReport.class);
	}

	private static String key(DeliveryReport report) {
		return prefix(report.channel(), report.providerMessageId()) + report.status() + ":" + report.reportedAt();
	}

	private static String prefix(Channel channel, String providerMessageId) {
		return channel.name() + ":" + providerMessageId + ":";
	}

	private record Row(UUID id, String recipient, String status, Instant updatedAt) {

	}

}
