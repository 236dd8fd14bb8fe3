package org.frontdoor.gateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code service_request_link} table: FrontDoor's id ↔ token ↔
 * {@code service_request_id}, with what the poller last saw.
 */
@Repository
public class ServiceRequestLinkRepository {

	/** Rows per {@link #recordUnchanged} statement (11 parameters each). */
	private static final int UNCHANGED_PER_STATEMENT = 200;

	private final JdbcClient jdbc;

	public ServiceRequestLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Track a request one of our submissions created (or at least got a token for).
	 * @param submissionId the submission
	 * @param serviceCode the service code
	 * @param serviceRequestId the id, or {@code null} when only a token is known
	 * @param token the token, or {@code null}
	 * @return the link
	 */
	public ServiceRequestLink createForSubmission(UUID submissionId, String serviceCode, String serviceRequestId,
			String token) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into service_request_link (id, submission_id, service_code, service_request_id, token, status,
					next_poll_at)
				values (:id, :submission, :serviceCode, :serviceRequestId, :token, 'open', now())
				""")
			.param("id", id)
			.param("submission", submissionId)
			.param("serviceCode", serviceCode)
			.param("serviceRequestId", serviceRequestId)
			.param("token", token)
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * Track an existing request (e.g. a resident follows a duplicate); returns the
	 * existing link when it is already tracked.
	 * @param serviceRequestId the backend's id
	 * @param serviceCode the service code, or {@code null}
	 * @return the link
	 */
	public ServiceRequestLink track(String serviceRequestId, String serviceCode) {
		this.jdbc.sql("""
				insert into service_request_link (id, service_code, service_request_id, next_poll_at)
				values (:id, :serviceCode, :serviceRequestId, now())
				on conflict (service_request_id) do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("serviceCode", serviceCode)
			.param("serviceRequestId", serviceRequestId)
			.update();
		return findByServiceRequestId(serviceRequestId).orElseThrow();
	}

	/**
	 * Record the id a token resolved to.
	 * @param linkId the link
	 * @param serviceRequestId the id
	 */
	public void resolveToken(UUID linkId, String serviceRequestId) {
		this.jdbc
			.sql("update service_request_link set service_request_id = :sr, next_poll_at = now(), "
					+ "updated_at = now() where id = :id")
			.param("sr", serviceRequestId)
			.param("id", linkId)
			.update();
	}

	/**
	 * Record what the poller saw and when to look again.
	 * @param linkId the link
	 * @param status the normalized status
	 * @param rawStatus the raw status
	 * @param notes the status notes
	 * @param backendUpdatedAt the backend's updated time
	 * @param nextPollAt when to poll next, or {@code null} to stop
	 */
	public void recordObservation(UUID linkId, String status, String rawStatus, String notes, Instant backendUpdatedAt,
			Instant nextPollAt) {
		this.jdbc.sql("""
				update service_request_link set status = :status, raw_status = :raw, status_notes = :notes,
					backend_updated_at = :updated, last_polled_at = now(), next_poll_at = :next, updated_at = now()
				where id = :id
				""")
			.param("status", status)
			.param("raw", Sql.cut(rawStatus, 255))
			.param("notes", notes)
			.param("updated", Sql.ts(backendUpdatedAt))
			.param("next", Sql.ts(nextPollAt))
			.param("id", linkId)
			.update();
	}

	/**
	 * Record, in one statement, polls that brought nothing new: each link gets the
	 * observation {@link #recordObservation} would write, but only if its row is still as
	 * it was loaded (same status, notes, backend time and last poll). A link that changed
	 * since (another round, a manual poll) is left alone and its id is not returned: the
	 * caller compares again under the row lock.
	 * @param observations the observations, each with the link as loaded
	 * @return the ids of the links recorded
	 */
	public Set<UUID> recordUnchanged(List<Unchanged> observations) {
		Set<UUID> recorded = new HashSet<>();
		for (int from = 0; from < observations.size(); from += UNCHANGED_PER_STATEMENT) {
			List<Unchanged> chunk = observations.subList(from,
					Math.min(observations.size(), from + UNCHANGED_PER_STATEMENT));
			StringJoiner rows = new StringJoiner(",\n");
			Map<String, Object> params = new HashMap<>();
			for (int i = 0; i < chunk.size(); i++) {
				Unchanged row = chunk.get(i);
				ServiceRequestLink was = row.loaded();
				rows.add("(cast(:id" + i + " as uuid), cast(:status" + i + " as text), cast(:raw" + i
						+ " as text), cast(:notes" + i + " as text), cast(:updated" + i + " as timestamptz), cast(:next"
						+ i + " as timestamptz), cast(:wasStatus" + i + " as text), cast(:wasRaw" + i
						+ " as text), cast(:wasNotes" + i + " as text), cast(:wasUpdated" + i
						+ " as timestamptz), cast(:wasPolled" + i + " as timestamptz))");
				params.put("id" + i, was.id());
				params.put("status" + i, row.status());
				params.put("raw" + i, Sql.cut(row.rawStatus(), 255));
				params.put("notes" + i, row.notes());
				params.put("updated" + i, Sql.ts(row.backendUpdatedAt()));
				params.put("next" + i, Sql.ts(row.nextPollAt()));
				params.put("wasStatus" + i, was.status());
				params.put("wasRaw" + i, was.rawStatus());
				params.put("wasNotes" + i, was.statusNotes());
				params.put("wasUpdated" + i, Sql.ts(was.backendUpdatedAt()));
				params.put("wasPolled" + i, Sql.ts(was.lastPolledAt()));
			}
			recorded.addAll(this.jdbc
				.sql("""
						update service_request_link l set status = v.status, raw_status = v.raw, status_notes = v.notes,
							backend_updated_at = v.updated, last_polled_at = now(), next_poll_at = v.next, updated_at = now()
						from (values %s) as v (id, status, raw, notes, updated, next, was_status, was_raw, was_notes,
							was_updated, was_polled)
						where l.id = v.id and l.status is not distinct from v.was_status
						  and l.raw_status is not distinct from v.was_raw and l.status_notes is not distinct from v.was_notes
						  and l.backend_updated_at is not distinct from v.was_updated
						  and l.last_polled_at is not distinct from v.was_polled
						returning l.id
						"""
					.formatted(rows))
				.params(params)
				.query((rs, n) -> rs.getObject(1, UUID.class))
				.set());
		}
		return recorded;
	}

	/**
	 * A poll that brought nothing new, for {@link #recordUnchanged}.
	 *
	 * @param loaded the link as loaded before the poll
	 * @param status the backend's status (wire value)
	 * @param rawStatus the backend's own status text
	 * @param notes the backend's notes
	 * @param backendUpdatedAt the backend's updated time
	 * @param nextPollAt when to poll next, or {@code null} to stop
	 */
	public record Unchanged(ServiceRequestLink loaded, String status, String rawStatus, String notes,
			Instant backendUpdatedAt, Instant nextPollAt) {

	}

	/**
	 * Reschedule without an observation (the backend did not return the request).
	 * @param linkIds the links
	 * @param nextPollAt when to poll next
	 */
	public void reschedule(Collection<UUID> linkIds, Instant nextPollAt) {
		if (linkIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("update service_request_link set next_poll_at = :next, updated_at = now() where id in (:ids)")
			.param("next", Sql.ts(nextPollAt))
			.param("ids", linkIds)
			.update();
	}

	/**
	 * Make every request still tracked (open, or closed within the retention) due for a
	 * poll by id now, after a change feed answer that may have left changes out.
	 * @param now the current time
	 * @return how many links were made due
	 */
	public int makeOpenDue(Instant now) {
		return this.jdbc.sql("""
				update service_request_link set next_poll_at = :now, updated_at = now()
				where service_request_id is not null and next_poll_at > :now
				""").param("now", Sql.ts(now)).update();
	}

	/**
	 * Links due for polling that have a service request id, oldest due first.
	 * @param now the current time
	 * @param limit at most this many
	 * @return the links
	 */
	public List<ServiceRequestLink> due(Instant now, int limit) {
		return this.jdbc
			.sql("select * from service_request_link where service_request_id is not null "
					+ "and next_poll_at <= :now order by next_poll_at limit :limit")
			.param("now", Sql.ts(now))
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/**
	 * Links whose requests carry one of these ids.
	 * @param serviceRequestIds the ids
	 * @return the links
	 */
	public List<ServiceRequestLink> findByServiceRequestIds(Collection<String> serviceRequestIds) {
		if (serviceRequestIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from service_request_link where service_request_id in (:ids)")
			.param("ids", serviceRequestIds)
			.query(this::map)
			.list();
	}

	/**
	 * Find a link.
	 * @param id the link id
	 * @return the link, or empty
	 */
	public Optional<ServiceRequestLink> find(UUID id) {
		return this.jdbc.sql("select * from service_request_link where id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * Load a link and lock its row until the current transaction ends (the poller
	 * compares and records an observation under this lock).
	 * @param id the link id
	 * @return the link, or empty
	 */
	public Optional<ServiceRequestLink> lock(UUID id) {
		return this.jdbc.sql("select * from service_request_link where id = :id for update")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * How many links are tracked, and how many of them are due for a poll.
	 * @param now the current time
	 * @return the counts
	 */
	public Counts counts(Instant now) {
		return this.jdbc.sql("""
				select count(*) as tracked,
				       count(*) filter (where service_request_id is null) as awaiting_id,
				       count(*) filter (where next_poll_at is not null) as polled,
				       count(*) filter (where service_request_id is not null and next_poll_at <= :now) as due
				from service_request_link
				""")
			.param("now", Sql.ts(now))
			.query((rs, row) -> new Counts(rs.getLong("tracked"), rs.getLong("awaiting_id"), rs.getLong("polled"),
					rs.getLong("due")))
			.single();
	}

	/**
	 * Link counts for the admin.
	 *
	 * @param tracked every link
	 * @param awaitingId links that only have a token so far
	 * @param polled links still polled (not closed long ago)
	 * @param due links due for a poll now
	 */
	public record Counts(long tracked, long awaitingId, long polled, long due) {

	}

	/**
	 * Find the link of a submission.
	 * @param submissionId the submission
	 * @return the link, or empty
	 */
	public Optional<ServiceRequestLink> findBySubmission(UUID submissionId) {
		return this.jdbc.sql("select * from service_request_link where submission_id = :id")
			.param("id", submissionId)
			.query(this::map)
			.optional();
	}

	/**
	 * Find a link by the backend's id.
	 * @param serviceRequestId the id
	 * @return the link, or empty
	 */
	public Optional<ServiceRequestLink> findByServiceRequestId(String serviceRequestId) {
		return this.jdbc.sql("select * from service_request_link where service_request_id = :id")
			.param("id", serviceRequestId)
			.query(this::map)
			.optional();
	}

	/**
	 * Whether a service request id is already linked (to any submission).
	 * @param serviceRequestId the id
	 * @return {@code true} if so
	 */
	public boolean isLinked(String serviceRequestId) {
		return this.jdbc.sql("select exists (select 1 from service_request_link where service_request_id = :id)")
			.param("id", serviceRequestId)
			.query(Boolean.class)
			.single();
	}

	private ServiceRequestLink map(ResultSet rs, int row) throws SQLException {
		return new ServiceRequestLink(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class),
				rs.getString("token"), rs.getString("service_request_id"), rs.getString("service_code"),
				rs.getString("status"), rs.getString("raw_status"), rs.getString("status_notes"),
				Sql.instant(rs, "backend_updated_at"), Sql.instant(rs, "last_polled_at"),
				Sql.instant(rs, "next_poll_at"), Sql.instant(rs, "created_at"));
	}

}
