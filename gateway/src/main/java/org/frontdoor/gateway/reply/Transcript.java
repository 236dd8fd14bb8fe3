package org.frontdoor.gateway.reply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.gateway.persistence.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transcript of what residents wrote and what FrontDoor answered
 * ({@code conversation_message}), for admins and for email threading. Recording an
 * inbound message is also the idempotency mark of its decision: an inbound id is recorded
 * once, so a message processed again (a lease that ran out mid-decision) changes nothing.
 */
@Repository
public class Transcript {

	private static final TypeReference<Map<String, String>> META = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Transcript(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Record an inbound message, once.
	 * @param residentId the resident
	 * @param inboundId the inbound message id
	 * @param text the message text
	 * @param meta channel details to keep (email Message-ID and References), or empty
	 * @return {@code false} when it was recorded before (its decision was already made)
	 */
	public boolean recordIn(UUID residentId, UUID inboundId, String text, Map<String, String> meta) {
		return this.jdbc.sql("""
				insert into conversation_message (resident_id, direction, inbound_id, text, meta)
				values (:resident, 'IN', :inbound, :text, cast(:meta as jsonb))
				on conflict (inbound_id) where direction = 'IN' do nothing
				""")
			.param("resident", residentId)
			.param("inbound", inboundId)
			.param("text", text)
			.param("meta", meta.isEmpty() ? null : this.json.writeValueAsString(meta))
			.update() == 1;
	}

	/**
	 * Attach a recorded inbound message to its conversation and note what was made of it.
	 * @param inboundId the inbound message
	 * @param conversationId the conversation, or {@code null}
	 * @param note what happened (no PII), or {@code null}
	 */
	public void settleIn(UUID inboundId, UUID conversationId, String note) {
		this.jdbc.sql("""
				update conversation_message set conversation_id = :conversation, note = :note
				where inbound_id = :inbound and direction = 'IN'
				""")
			.param("conversation", conversationId)
			.param("note", Sql.cut(note, 500))
			.param("inbound", inboundId)
			.update();
	}

	/**
	 * Record a message FrontDoor queued (or decided not to send).
	 * @param residentId the resident
	 * @param conversationId the conversation, or {@code null}
	 * @param outboundId the outbound message, or {@code null} when nothing was queued
	 * @param templateKey the template key
	 * @param text the rendered text
	 * @param note what happened (no PII), or {@code null}
	 */
	public void recordOut(UUID residentId, UUID conversationId, UUID outboundId, String templateKey, String text,
			String note) {
		this.jdbc.sql("""
				insert into conversation_message (resident_id, conversation_id, direction, outbound_id, template_key,
					text, note)
				values (:resident, :conversation, 'OUT', :outbound, :key, :text, :note)
				""")
			.param("resident", residentId)
			.param("conversation", conversationId)
			.param("outbound", outboundId)
			.param("key", templateKey)
			.param("text", text)
			.param("note", Sql.cut(note, 500))
			.update();
	}

	/**
	 * The channel details of the latest inbound message of a conversation that has some
	 * (email threading).
	 * @param conversationId the conversation
	 * @return the details, or empty
	 */
	public Map<String, String> latestMeta(UUID conversationId) {
		return latestMeta(conversationId, org.frontdoor.channels.core.Channel.EMAIL);
	}

	/**
	 * The thread details for a message on a channel: only email has any.
	 * @param conversationId the conversation
	 * @param channel the channel the message goes out on
	 * @return the details, or empty
	 */
	public Map<String, String> latestMeta(UUID conversationId, org.frontdoor.channels.core.Channel channel) {
		if (conversationId == null || channel != org.frontdoor.channels.core.Channel.EMAIL) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select meta::text from conversation_message
				where conversation_id = :conversation and direction = 'IN' and meta is not null
				order by id desc limit 1
				""")
			.param("conversation", conversationId)
			.query(String.class)
			.optional()
			.map((text) -> this.json.readValue(text, META))
			.orElse(Map.of());
	}

	/**
	 * The transcript of a conversation, oldest first, with each outbound message's
	 * delivery state.
	 * @param conversationId the conversation
	 * @return the entries
	 */
	public List<Entry> forConversation(UUID conversationId) {
		return this.jdbc.sql("""
				select m.id, m.direction, m.inbound_id, m.outbound_id, m.template_key, m.text, m.note, m.created_at,
					o.state as outbound_state, o.delivery_status
				from conversation_message m left join outbound_message o on o.id = m.outbound_id
				where m.conversation_id = :conversation order by m.id
				""").param("conversation", conversationId).query(this::map).list();
	}

	/**
	 * The note recorded with an inbound message.
	 * @param inboundId the inbound message
	 * @return the note, or empty
	 */
	public Optional<String> inboundNote(UUID inboundId) {
		return this.jdbc.sql("select note from conversation_message where inbound_id = :inbound and direction = 'IN'")
			.param("inbound", inboundId)
			.query(String.class)
			.optional();
	}

	private Entry map(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getString("direction"), rs.getObject("inbound_id", UUID.class),
				rs.getObject("outbound_id", UUID.class), rs.getString("template_key"), rs.getString("text"),
				rs.getString("note"), Sql.instant(rs, "created_at"), rs.getString("outbound_state"),
				rs.getString("delivery_status"));
	}

	/**
	 * One transcript entry.
	 *
	 * @param id the entry id (grows with time)
	 * @param direction {@code IN} or {@code OUT}
	 * @param inboundId the inbound message, or {@code null}
	 * @param outboundId the outbound message, or {@code null}
	 * @param templateKey the template of an outbound message, or {@code null}
	 * @param text the text (PII: mask before showing)
	 * @param note what happened, or {@code null}
	 * @param at when it was recorded
	 * @param outboundState the outbox state of an outbound message, or {@code null}
	 * @param deliveryStatus the provider's delivery status, or {@code null}
	 */
	public record Entry(long id, String direction, UUID inboundId, UUID outboundId, String templateKey, String text,
			String note, Instant at, String outboundState, String deliveryStatus) {

	}

}
