package org.frontdoor.gateway.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.gateway.open311.NewServiceRequest;
import org.frontdoor.gateway.open311.Open311Error;
import org.frontdoor.gateway.persistence.Sql;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the {@code submission} table beyond the generic queue mechanics.
 */
@Repository
public class SubmissionRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public SubmissionRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	UUID insert(NewServiceRequest request, UUID conversationId) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("insert into submission (id, service_code, request, conversation_id) "
					+ "values (:id, :code, cast(:request as jsonb), :conversation)")
			.param("id", id)
			.param("code", request.serviceCode())
			.param("request", this.json.writeValueAsString(request))
			.param("conversation", conversationId)
			.update();
		return id;
	}

	/**
	 * Load a submission.
	 * @param id the id
	 * @return the submission, or empty
	 */
	public Optional<Submission> find(UUID id) {
		return this.jdbc.sql("select * from submission where id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * Submissions of a conversation, oldest first.
	 * @param conversationId the conversation
	 * @return the submissions
	 */
	public List<Submission> findByConversation(UUID conversationId) {
		return this.jdbc.sql("select * from submission where conversation_id = :id order by created_at")
			.param("id", conversationId)
			.query(this::map)
			.list();
	}

	/**
	 * How many submissions resolved to a service request id (tests and admin).
	 * @param serviceRequestId the id
	 * @return the count
	 */
	public long countResolvedTo(String serviceRequestId) {
		return this.jdbc.sql("select count(*) from submission where service_request_id = :id")
			.param("id", serviceRequestId)
			.query(Long.class)
			.single();
	}

	String requestJson(UUID id) {
		return this.jdbc.sql("select request::text from submission where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	void startAttempt(UUID id) {
		this.jdbc.sql("update submission set first_attempt_at = coalesce(first_attempt_at, now()) where id = :id")
			.param("id", id)
			.update();
	}

	void markAmbiguous(UUID id, boolean ambiguous) {
		this.jdbc.sql("update submission set ambiguous = :ambiguous where id = :id")
			.param("ambiguous", ambiguous)
			.param("id", id)
			.update();
	}

	void resolved(UUID id, String serviceRequestId, String token) {
		this.jdbc.sql("""
				update submission set service_request_id = :sr, token = coalesce(:token, token), resolved_at = now(),
					ambiguous = false, field_errors = null where id = :id
				""").param("sr", serviceRequestId).param("token", token).param("id", id).update();
	}

	void tokenReceived(UUID id, String token) {
		this.jdbc.sql("update submission set token = :token, phase = 'RESOLVE_TOKEN', ambiguous = false where id = :id")
			.param("token", token)
			.param("id", id)
			.update();
	}

	void rejected(UUID id, List<Open311Error> errors) {
		this.jdbc.sql("update submission set field_errors = cast(:errors as jsonb) where id = :id")
			.param("errors", this.json.writeValueAsString(errors))
			.param("id", id)
			.update();
	}

	private Submission map(ResultSet rs, int row) throws SQLException {
		return new Submission(rs.getObject("id", UUID.class),
				this.json.readValue(rs.getString("request"), NewServiceRequest.class),
				rs.getObject("conversation_id", UUID.class), rs.getString("phase"), rs.getBoolean("ambiguous"),
				rs.getString("token"), rs.getString("service_request_id"), rs.getString("state"), rs.getInt("attempts"),
				rs.getString("last_error"), Sql.instant(rs, "first_attempt_at"), Sql.instant(rs, "created_at"));
	}

}
