package org.frontdoor.gateway.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.gateway.persistence.Sql;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code conversation} table. Callers hold the resident's row lock
 * ({@code Residents.lockForMessage}, {@code lockOfConversation}) before changing a
 * resident's conversations.
 */
@Repository
public class Conversations {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Conversations(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The conversation a resident's message continues: for a message in a thread (email,
	 * chat), the latest conversation of that thread; otherwise, or when the thread is
	 * new, the resident's latest conversation (a new email thread only continues an
	 * unfinished intake).
	 * @param residentId the resident
	 * @param threadKey the message's thread, or {@code null}
	 * @return the conversation, or empty for a new one
	 */
	public Optional<ConversationRecord> current(UUID residentId, String threadKey) {
		if (threadKey != null) {
			Optional<ConversationRecord> inThread = this.jdbc
				.sql("select * from conversation where resident_id = :resident and thread_key = :thread "
						+ "order by created_at desc limit 1")
				.param("resident", residentId)
				.param("thread", threadKey)
				.query(this::map)
				.optional();
			if (inThread.isPresent()) {
				return inThread;
			}
		}
		Optional<ConversationRecord> latest = this.jdbc
			.sql("select * from conversation where resident_id = :resident order by created_at desc limit 1")
			.param("resident", residentId)
			.query(this::map)
			.optional();
		if (threadKey != null && latest.isPresent() && latest.get().threadKey() != null
				&& !threadKey.equals(latest.get().threadKey()) && latest.get().phase().closed()) {
			return Optional.empty();
		}
		return latest;
	}

	/**
	 * Start a conversation.
	 * @param residentId the resident
	 * @param channel the channel
	 * @param address the resident's address
	 * @param cityAddress the city's address written to, or {@code null}
	 * @param threadKey the thread, or {@code null}
	 * @param locale the language
	 * @param at when
	 * @return the new conversation (not yet stored: {@link #save} stores it)
	 */
	public ConversationRecord start(UUID residentId, Channel channel, String address, String cityAddress,
			String threadKey, String locale, Instant at) {
		return new ConversationRecord(UUID.randomUUID(), residentId, channel, address, cityAddress, threadKey,
				Phase.OPEN, ConversationState.empty(), locale, null, null, at, at, null);
	}

	/**
	 * Insert or update a conversation.
	 * @param conversation the conversation
	 */
	public void save(ConversationRecord conversation) {
		ConversationState state = conversation.state();
		this.jdbc.sql("""
				insert into conversation (id, resident_id, channel, address, city_address, thread_key, phase, state,
					locale, service_code, submission_id, service_request_id, last_activity_at, closed_at, created_at)
				values (:id, :resident, :channel, :address, :city, :thread, :phase, cast(:state as jsonb), :locale,
					:service, :submission, :request, :activity, :closed, :created)
				on conflict (id) do update set phase = excluded.phase, state = excluded.state,
					locale = excluded.locale, service_code = excluded.service_code,
					submission_id = excluded.submission_id, service_request_id = excluded.service_request_id,
					last_activity_at = excluded.last_activity_at, closed_at = excluded.closed_at, updated_at = now()
				""")
			.param("id", conversation.id())
			.param("resident", conversation.residentId())
			.param("channel", conversation.channel().name())
			.param("address", conversation.address())
			.param("city", conversation.cityAddress())
			.param("thread", conversation.threadKey())
			.param("phase", conversation.phase().name())
			.param("state", this.json.writeValueAsString(state))
			.param("locale", conversation.locale())
			.param("service", state.report().serviceCode())
			.param("submission", conversation.submissionId())
			.param("request", conversation.serviceRequestId())
			.param("activity", Sql.ts(conversation.lastActivityAt()))
			.param("closed", Sql.ts(conversation.closedAt()))
			.param("created", Sql.ts(conversation.createdAt()))
			.update();
	}

	/**
	 * Find a conversation.
	 * @param id the id
	 * @return the conversation, or empty
	 */
	public Optional<ConversationRecord> find(UUID id) {
		return this.jdbc.sql("select * from conversation where id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * Open conversations without activity since a time, oldest first.
	 * @param before the time
	 * @param limit at most this many
	 * @return their ids
	 */
	public List<UUID> idle(Instant before, int limit) {
		return this.jdbc
			.sql("select id from conversation where phase = 'OPEN' and last_activity_at < :before "
					+ "order by last_activity_at limit :limit")
			.param("before", Sql.ts(before))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Conversations whose submission has been waiting for a request id since before a
	 * time.
	 * @param before the time
	 * @param limit at most this many
	 * @return their ids
	 */
	public List<UUID> waitingForId(Instant before, int limit) {
		return this.jdbc
			.sql("select id from conversation where phase = 'SUBMITTING' and last_activity_at < :before "
					+ "order by last_activity_at limit :limit")
			.param("before", Sql.ts(before))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * The latest conversations, newest first.
	 * @param phase only this phase, or {@code null}
	 * @param channel only this channel, or {@code null}
	 * @param limit at most this many
	 * @return the conversations
	 */
	public List<ConversationRecord> latest(Phase phase, Channel channel, int limit) {
		return this.jdbc.sql("""
				select * from conversation
				where (cast(:phase as varchar) is null or phase = :phase)
				  and (cast(:channel as varchar) is null or channel = :channel)
				order by created_at desc limit :limit
				""")
			.param("phase", (phase != null) ? phase.name() : null)
			.param("channel", (channel != null) ? channel.name() : null)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * The request ids of a resident's conversations that created or follow one, newest
	 * first.
	 * @param residentId the resident
	 * @param limit at most this many
	 * @return the ids
	 */
	public List<String> requestIds(UUID residentId, int limit) {
		return this.jdbc.sql("""
				select service_request_id from conversation
				where resident_id = :resident and service_request_id is not null
				order by created_at desc limit :limit
				""").param("resident", residentId).param("limit", limit).query(String.class).list();
	}

	/**
	 * The open requests a resident address follows (their own reports and the ones they
	 * chose to follow), newest first.
	 * @param channel the channel
	 * @param address the address
	 * @param limit at most this many
	 * @return the requests
	 */
	public List<Followed> openRequestsOf(Channel channel, String address, int limit) {
		return this.jdbc.sql(FOLLOWED + """
				  and coalesce(l.status, 'open') <> 'closed'
				order by s.created_at desc limit :limit
				""")
			.param("channel", channel.name())
			.param("address", address)
			.param("limit", limit)
			.query(Conversations::followed)
			.list();
	}

	/**
	 * The request a resident address follows that was closed most recently, if that was
	 * after {@code since} (so that STATUS right after a closure still answers about it).
	 * @param channel the channel
	 * @param address the address
	 * @param since closed at or after this time
	 * @return the request, if any
	 */
	public Optional<Followed> lastClosedOf(Channel channel, String address, Instant since) {
		return this.jdbc.sql(FOLLOWED + """
				  and l.status = 'closed' and coalesce(l.backend_updated_at, l.updated_at) >= :since
				order by coalesce(l.backend_updated_at, l.updated_at) desc limit 1
				""")
			.param("channel", channel.name())
			.param("address", address)
			.param("since", Sql.ts(since))
			.query(Conversations::followed)
			.optional();
	}

	/**
	 * The requests an address follows, with their last seen status (conditions follow).
	 */
	private static final String FOLLOWED = """
			select l.service_request_id, l.service_code, l.status, l.raw_status, l.status_notes
			from subscription s join service_request_link l on l.id = s.link_id
			where s.channel = :channel and s.address = :address and s.active
			  and l.service_request_id is not null
			""";

	private static Followed followed(ResultSet rs, int row) throws SQLException {
		return new Followed(rs.getString("service_request_id"), rs.getString("service_code"), rs.getString("status"),
				rs.getString("raw_status"), rs.getString("status_notes"));
	}

	private ConversationRecord map(ResultSet rs, int row) throws SQLException {
		return new ConversationRecord(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
				Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("city_address"),
				rs.getString("thread_key"), Phase.valueOf(rs.getString("phase")),
				this.json.readValue(rs.getString("state"), ConversationState.class), rs.getString("locale"),
				rs.getObject("submission_id", UUID.class), rs.getString("service_request_id"),
				Sql.instant(rs, "last_activity_at"), Sql.instant(rs, "created_at"), Sql.instant(rs, "closed_at"));
	}

	/**
	 * A request a resident follows, as last seen by the status poller.
	 *
	 * @param serviceRequestId the backend's id
	 * @param serviceCode the service, or {@code null}
	 * @param status {@code open}/{@code closed}, or {@code null} before the first poll
	 * @param rawStatus the backend's own status, or {@code null}
	 * @param notes the backend's status notes, or {@code null}
	 */
	public record Followed(String serviceRequestId, String serviceCode, String status, String rawStatus, String notes) {

	}

}
