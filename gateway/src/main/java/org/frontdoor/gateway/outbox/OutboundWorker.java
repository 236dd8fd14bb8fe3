package org.frontdoor.gateway.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.gateway.persistence.Claim;
import org.frontdoor.gateway.persistence.DeadLetterRepository;
import org.frontdoor.gateway.persistence.DurableQueue;
import org.frontdoor.gateway.persistence.OptOutRepository;
import org.frontdoor.gateway.persistence.QueueControl;
import org.frontdoor.gateway.persistence.QueueNames;
import org.frontdoor.gateway.persistence.QueueProperties;
import org.frontdoor.gateway.persistence.QueueWorker;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the outbound outbox: delivers each message through the {@link OutboundSender}
 * that supports its channel and applies the sender's {@link SendException.Policy}:
 * {@code RETRY} with backoff (at least the provider's {@code retryAfter}),
 * {@code GIVE_UP} → dead letter, {@code OPT_OUT} → opt-out row, {@code HALT} → that
 * channel's queue ({@code outbound.<channel>}) stops and an admin is alerted. Messages to
 * opted-out addresses are suppressed; messages for a channel without a sender wait,
 * visible in the admin API. Messages to one address leave in the order they were queued,
 * however many workers run: a message is not claimed while an earlier one to the same
 * address is being sent or is due.
 */
@Component
public class OutboundWorker extends QueueWorker {

	/** Dead-letter source of outbound messages. */
	public static final String DEAD_LETTER_SOURCE = "outbox.outbound";

	private static final Duration WAIT_FOR_SENDER = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ObjectProvider<OutboundSender> senders;

	private final OptOutRepository optOuts;

	private final DeadLetterRepository deadLetters;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final DeliveryReports deliveryReports;

	public OutboundWorker(JdbcClient jdbc, QueueControl control, QueueProperties properties, JsonMapper json,
			ObjectProvider<OutboundSender> senders, OptOutRepository optOuts, DeadLetterRepository deadLetters,
			TransactionTemplate transactions, MeterRegistry meters, DeliveryReports deliveryReports) {
		super(DurableQueue.orderedBy(jdbc, "outbound_message", QueueNames.OUTBOUND, "channel", "recipient"),
				DEAD_LETTER_SOURCE, control, properties);
		this.jdbc = jdbc;
		this.json = json;
		this.senders = senders;
		this.optOuts = optOuts;
		this.deadLetters = deadLetters;
		this.transactions = transactions;
		this.meters = meters;
		this.deliveryReports = deliveryReports;
	}

	/**
	 * The halt key of one channel's deliveries in {@code queue_control}.
	 * @param message the message
	 * @return e.g. {@code outbound.sms}
	 */
	static String haltKey(OutboundMessage message) {
		return QueueNames.OUTBOUND + "." + message.channel().name().toLowerCase(Locale.ROOT);
	}

	@Override
	protected void process(Claim claim) {
		Row row = load(claim.id());
		OutboundMessage message = row.message();
		if (!row.ignoreOptOut() && this.optOuts.isOptedOut(message.channel(), message.to())) {
			this.transactions.executeWithoutResult((status) -> {
				this.queue.complete(claim);
				setDelivery(claim.id(), "suppressed-opt-out", null);
			});
			return;
		}
		if (this.control.isHalted(haltKey(message))) {
			this.queue.release(claim, HALTED + "channel " + message.channel() + " is halted", WAIT_FOR_SENDER);
			return;
		}
		Optional<OutboundSender> sender = this.senders.orderedStream()
			.filter((candidate) -> candidate.supports(message.channel()))
			.findFirst();
		if (sender.isEmpty()) {
			this.queue.release(claim, "no OutboundSender for channel " + message.channel() + " yet", WAIT_FOR_SENDER);
			return;
		}
		try {
			OutboundSender.SendReceipt receipt = sender.get().send(message);
			this.transactions.executeWithoutResult((status) -> {
				if (this.queue.complete(claim)) {
					String accepted = (receipt.status() != null) ? receipt.status() : "sent";
					if (receipt.providerMessageId() != null) {
						this.deliveryReports.recordSent(claim.id(), message.channel(), receipt.providerMessageId(),
								accepted);
					}
					else {
						setDelivery(claim.id(), accepted, null);
					}
				}
			});
			this.meters.counter("frontdoor.outbound.sent", "channel", message.channel().name()).increment();
		}
		catch (SendException ex) {
			this.meters
				.counter("frontdoor.outbound.failures", "channel", message.channel().name(), "policy",
						ex.policy().name())
				.increment();
			String reason = message.channel() + " send failed" + ((ex.code() != null) ? " (" + ex.code() + ")" : "")
					+ ": " + ex.getMessage();
			switch (ex.policy()) {
				case RETRY -> failed(claim, reason, ex.retryAfter());
				case GIVE_UP -> giveUp(claim, reason);
				case OPT_OUT -> this.transactions.executeWithoutResult((status) -> {
					this.queue.complete(claim);
					setDelivery(claim.id(), "opted-out", ex.code());
					this.optOuts.optOut(message.channel(), message.to(), "carrier", reason);
				});
				case HALT -> {
					this.control.halt(haltKey(message), reason);
					this.queue.release(claim, HALTED + reason, WAIT_FOR_SENDER);
				}
			}
		}
	}

	@Override
	protected void giveUp(Claim claim, String reason) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.queue.dead(claim, reason)) {
				String payload = this.jdbc.sql("select message::text from outbound_message where id = :id")
					.param("id", claim.id())
					.query(String.class)
					.single();
				this.deadLetters.record(DEAD_LETTER_SOURCE, claim.id().toString(),
						payload.getBytes(StandardCharsets.UTF_8), "application/json", reason);
			}
		});
	}

	private void setDelivery(UUID id, String status, String errorCode) {
		this.jdbc.sql("""
				update outbound_message set delivery_status = :status, delivery_error_code = :code,
					delivery_updated_at = now()
				where id = :id
				""").param("status", status).param("code", errorCode).param("id", id).update();
	}

	private Row load(UUID id) {
		List<Row> rows = this.jdbc
			.sql("select message::text as message, ignore_opt_out from outbound_message where id = :id")
			.param("id", id)
			.query((rs, n) -> new Row(this.json.readValue(rs.getString("message"), OutboundMessage.class),
					rs.getBoolean("ignore_opt_out")))
			.list();
		return rows.get(0);
	}

	private record Row(OutboundMessage message, boolean ignoreOptOut) {

	}

}
