package org.frontdoor.gateway.persistence;

import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores inbound messages in {@code inbound_message} with
 * {@code INSERT … ON CONFLICT DO NOTHING} on (channel, provider message id): a
 * redelivered message is reported as {@link StoreOutcome#DUPLICATE} and changes nothing.
 * The row is committed when {@link #store(InboundMessage)} returns (its own transaction),
 * so an adapter can acknowledge the provider right after. New rows are {@code PENDING}
 * for the {@link InboundProcessor}.
 */
@Repository
public class JdbcInboundMessageStore implements InboundMessageStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final InboundWakeUp wakeUp;

	public JdbcInboundMessageStore(JdbcClient jdbc, JsonMapper json, InboundWakeUp wakeUp) {
		this.jdbc = jdbc;
		this.json = json;
		this.wakeUp = wakeUp;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public StoreOutcome store(InboundMessage message) {
		int inserted = this.jdbc.sql("""
				insert into inbound_message (id, channel, provider, provider_message_id, sender, recipient, thread_key,
					payload, received_at)
				values (:id, :channel, :provider, :providerMessageId, :sender, :recipient, :threadKey,
					cast(:payload as jsonb), :receivedAt)
				on conflict (channel, provider_message_id) do nothing
				""")
			.param("id", message.id())
			.param("channel", message.channel().name())
			.param("provider", message.provider())
			.param("providerMessageId", message.providerMessageId())
			.param("sender", message.from())
			.param("recipient", message.to())
			.param("threadKey", message.threadKey())
			.param("payload", this.json.writeValueAsString(message))
			.param("receivedAt", Sql.ts(message.receivedAt()))
			.update();
		if (inserted == 1) {
			this.wakeUp.afterCommit();
			return StoreOutcome.ACCEPTED;
		}
		return StoreOutcome.DUPLICATE;
	}

	/**
	 * Load a stored message.
	 * @param id FrontDoor's id of the message
	 * @return the message, or empty
	 */
	public Optional<InboundMessage> find(UUID id) {
		return this.jdbc.sql("select payload::text from inbound_message where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.map((payload) -> this.json.readValue(payload, InboundMessage.class));
	}

	/**
	 * The stored message as JSON (for dead letters).
	 * @param id the message id
	 * @return the JSON, or empty
	 */
	public Optional<String> payloadJson(UUID id) {
		return this.jdbc.sql("select payload::text from inbound_message where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/**
	 * The processing state of a stored message ({@code PENDING}, {@code IN_FLIGHT},
	 * {@code DONE}, {@code DEAD}).
	 * @param id the message id
	 * @return the state, or empty when unknown
	 */
	public Optional<String> state(UUID id) {
		return this.jdbc.sql("select state from inbound_message where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

}
