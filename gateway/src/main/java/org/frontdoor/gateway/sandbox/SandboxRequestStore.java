package org.frontdoor.gateway.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.core.media.SanitizedImage;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's tables ({@code V2__sandbox.sql}): service requests with their attributes,
 * photos, tokens and status history. One transaction per write; a submission carrying an
 * {@code external_id} that was seen before returns the existing request
 * ({@code insert … on conflict do nothing}, exact under concurrent duplicates).
 */
@Component
@Profile(SandboxProperties.PROFILE)
class SandboxRequestStore {

	private static final String COLUMNS = """
			r.id, r.service_code, r.status, r.status_notes, r.description, r.agency_responsible, r.service_notice,
			r.address_string, r.address_id, r.lat, r.lon, r.media_url, r.email, r.phone, r.first_name, r.last_name,
			r.device_id, r.account_id, r.external_id, r.requested_at, r.updated_at, r.expected_at, r.published_at,
			(select m.id from sandbox_media m where m.request_id = r.id order by m.created_at, m.id limit 1) as media_id
			""";

	private static final String SELECT = "select " + COLUMNS + " from sandbox_request r";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	SandboxRequestStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Store a new request with its attributes, photo, token and first history entry, or
	 * find the request stored before under the same {@code external_id}.
	 * @param row what to store
	 * @return the request's id and token, and whether it already existed
	 */
	Created create(NewRow row) {
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			Submission submission = row.submission();
			Map<String, Object> params = new HashMap<>();
			params.put("service_code", submission.service().code());
			params.put("description", submission.description());
			params.put("agency", row.level().agencyResponsible());
			params.put("notice", row.level().serviceNotice());
			params.put("address_string", submission.addressString());
			params.put("address_id", submission.addressId());
			params.put("lat", submission.lat());
			params.put("lon", submission.lon());
			params.put("media_url", submission.mediaUrl());
			params.put("email", submission.email());
			params.put("phone", submission.phone());
			params.put("first_name", submission.firstName());
			params.put("last_name", submission.lastName());
			params.put("device_id", submission.deviceId());
			params.put("account_id", submission.accountId());
			params.put("external_id", submission.externalId());
			params.put("requested_at", row.requestedAt());
			params.put("updated_at", row.publishedAt());
			params.put("expected_at", row.expectedAt());
			params.put("published_at", row.publishedAt());
			Optional<Long> inserted = this.jdbc.sql("""
					insert into sandbox_request (service_code, description, agency_responsible, service_notice,
						address_string, address_id, lat, lon, media_url, email, phone, first_name, last_name, device_id,
						account_id, external_id, requested_at, updated_at, expected_at, published_at)
					values (:service_code, :description, :agency, :notice, :address_string, :address_id, :lat, :lon,
						:media_url, :email, :phone, :first_name, :last_name, :device_id, :account_id, :external_id,
						:requested_at, :updated_at, :expected_at, :published_at)
					on conflict (external_id) do nothing
					returning id""").params(params).query(Long.class).optional();
			if (inserted.isEmpty()) {
				long existing = this.jdbc.sql("select id from sandbox_request where external_id = :external_id")
					.param("external_id", submission.externalId())
					.query(Long.class)
					.single();
				return new Created(existing, token(existing).orElse(null), true);
			}
			long id = inserted.get();
			insertAttributes(id, submission);
			if (row.media() != null) {
				this.jdbc.sql("""
						insert into sandbox_media (id, request_id, content_type, size, bytes, created_at)
						values (:id, :request_id, :content_type, :size, :bytes, :created_at)""")
					.param("id", UUID.randomUUID())
					.param("request_id", id)
					.param("content_type", row.media().contentType())
					.param("size", row.media().bytes().length)
					.param("bytes", row.media().bytes())
					.param("created_at", row.requestedAt())
					.update();
			}
			if (row.token() != null) {
				this.jdbc.sql("""
						insert into sandbox_token (token, request_id, resolves_at, created_at)
						values (:token, :request_id, :resolves_at, :created_at)""")
					.param("token", row.token())
					.param("request_id", id)
					.param("resolves_at", row.publishedAt())
					.param("created_at", row.requestedAt())
					.update();
			}
			insertHistory(id, "open", null, "submitted through the API", row.requestedAt());
			return new Created(id, row.token(), false);
		}));
	}

	private void insertAttributes(long id, Submission submission) {
		submission.attributes().forEach((code, values) -> {
			for (int position = 0; position < values.size(); position++) {
				this.jdbc.sql("""
						insert into sandbox_request_attribute (request_id, code, position, value)
						values (:request_id, :code, :position, :value)""")
					.param("request_id", id)
					.param("code", code)
					.param("position", position)
					.param("value", values.get(position))
					.update();
			}
		});
	}

	private void insertHistory(long id, String status, String notes, String changedBy, OffsetDateTime at) {
		this.jdbc.sql("""
				insert into sandbox_status_history (request_id, status, status_notes, changed_by, changed_at)
				values (:request_id, :status, :notes, :changed_by, :changed_at)""")
			.param("request_id", id)
			.param("status", status)
			.param("notes", notes)
			.param("changed_by", changedBy)
			.param("changed_at", at)
			.update();
	}

	private Optional<String> token(long requestId) {
		return this.jdbc.sql("select token from sandbox_token where request_id = :id")
			.param("id", requestId)
			.query(String.class)
			.optional();
	}

	/**
	 * One request, published or not.
	 * @param id its id
	 * @return the request, or empty
	 */
	Optional<StoredRequest> find(long id) {
		return this.jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(SandboxRequestStore::map).optional();
	}

	/**
	 * Published requests matching a query.
	 * @param query the filters
	 * @param now the current time (requests published later are left out)
	 * @return the matches, at most {@link RequestQuery#limit()}
	 */
	List<StoredRequest> find(RequestQuery query, OffsetDateTime now) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where r.published_at <= :now");
		Map<String, Object> params = new HashMap<>();
		params.put("now", now);
		if (query.ids() != null) {
			if (query.ids().isEmpty()) {
				return List.of();
			}
			sql.append(" and r.id in (:ids)");
			params.put("ids", query.ids());
		}
		else {
			condition(sql, params, "r.service_code in (:codes)", "codes",
					query.serviceCodes().isEmpty() ? null : query.serviceCodes());
			condition(sql, params, "r.status in (:statuses)", "statuses",
					query.statuses().isEmpty() ? null : query.statuses());
			condition(sql, params, "r.requested_at >= :requested_from", "requested_from", query.requestedFrom());
			condition(sql, params, "r.requested_at <= :requested_to", "requested_to", query.requestedTo());
			condition(sql, params, "r.updated_at >= :updated_from", "updated_from", query.updatedFrom());
			condition(sql, params, "r.updated_at < :updated_to", "updated_to", query.updatedTo());
		}
		sql.append(query.changeFeed() ? " order by r.updated_at, r.id" : " order by r.requested_at desc, r.id desc");
		sql.append(" limit :limit");
		params.put("limit", query.limit());
		return this.jdbc.sql(sql.toString()).params(params).query(SandboxRequestStore::map).list();
	}

	private static void condition(StringBuilder sql, Map<String, Object> params, String condition, String name,
			Object value) {
		if (value != null) {
			sql.append(" and ").append(condition);
			params.put(name, value);
		}
	}

	/**
	 * The most recent requests for the staff page, published or not.
	 * @param beforeId only requests with a smaller id (paging), or {@code null}
	 * @param limit how many
	 * @return newest first
	 */
	List<StoredRequest> recent(Long beforeId, int limit) {
		return this.jdbc
			.sql(SELECT + " where (cast(:before as bigint) is null or r.id < :before)"
					+ " order by r.id desc limit :limit")
			.param("before", beforeId)
			.param("limit", limit)
			.query(SandboxRequestStore::map)
			.list();
	}

	/**
	 * A token of a batch service.
	 * @param token the token
	 * @return the request it stands for and when it resolves, or empty
	 */
	Optional<TokenRow> findToken(String token) {
		return this.jdbc.sql("select token, request_id, resolves_at from sandbox_token where token = :token")
			.param("token", token)
			.query((rs, n) -> new TokenRow(rs.getString("token"), rs.getLong("request_id"),
					rs.getObject("resolves_at", OffsetDateTime.class)))
			.optional();
	}

	/**
	 * A request's attribute values.
	 * @param id the request
	 * @return code → values in the order received
	 */
	Map<String, List<String>> attributes(long id) {
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		this.jdbc
			.sql("select code, value from sandbox_request_attribute where request_id = :id order by code, position")
			.param("id", id)
			.query((rs) -> {
				attributes.computeIfAbsent(rs.getString("code"), (code) -> new ArrayList<>())
					.add(rs.getString("value"));
			});
		return attributes;
	}

	/**
	 * A request's status history.
	 * @param id the request
	 * @return oldest first
	 */
	List<HistoryEntry> history(long id) {
		return this.jdbc.sql("""
				select status, status_notes, changed_by, changed_at from sandbox_status_history
				where request_id = :id order by changed_at, id""")
			.param("id", id)
			.query((rs, n) -> new HistoryEntry(rs.getString("status"), rs.getString("status_notes"),
					rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * An uploaded photo.
	 * @param id its id
	 * @return its content type and bytes, or empty
	 */
	Optional<MediaRow> media(UUID id) {
		return this.jdbc.sql("select content_type, bytes from sandbox_media where id = :id")
			.param("id", id)
			.query((rs, n) -> new MediaRow(rs.getString("content_type"), rs.getBytes("bytes")))
			.optional();
	}

	/**
	 * Change a request's status and notes, as city staff do. A real change moves
	 * {@code updated_at} forward by at least one whole second past the previous value, so
	 * the {@code updated_datetime} clients see (whole seconds) is strictly newer after
	 * every change.
	 * @param id the request
	 * @param status {@code open} or {@code closed}
	 * @param notes the new status notes, or {@code null}
	 * @param changedBy the staff user
	 * @param now the current time
	 * @return the request after the change (and whether anything changed), or empty when
	 * there is no such request
	 */
	Optional<StatusChange> changeStatus(long id, String status, String notes, String changedBy, OffsetDateTime now) {
		return Objects.requireNonNull(this.transactions.execute((tx) -> {
			Optional<StoredRequest> current = this.jdbc.sql(SELECT + " where r.id = :id for update of r")
				.param("id", id)
				.query(SandboxRequestStore::map)
				.optional();
			if (current.isEmpty()) {
				return Optional.empty();
			}
			if (current.get().status().equals(status) && Objects.equals(current.get().statusNotes(), notes)) {
				return Optional.of(new StatusChange(current.get(), false));
			}
			OffsetDateTime updatedAt = this.jdbc
				.sql("""
						update sandbox_request set status = :status, status_notes = :notes,
							updated_at = greatest(cast(:now as timestamptz), date_trunc('second', updated_at) + interval '1 second')
						where id = :id
						returning updated_at""")
				.param("status", status)
				.param("notes", notes)
				.param("now", now)
				.param("id", id)
				.query(OffsetDateTime.class)
				.single();
			insertHistory(id, status, notes, changedBy, updatedAt);
			return find(id).map((changed) -> new StatusChange(changed, true));
		}));
	}

	private static StoredRequest map(ResultSet rs, int row) throws SQLException {
		return new StoredRequest(rs.getLong("id"), rs.getString("service_code"), rs.getString("status"),
				rs.getString("status_notes"), rs.getString("description"), rs.getString("agency_responsible"),
				rs.getString("service_notice"), rs.getString("address_string"), rs.getString("address_id"),
				rs.getObject("lat", Double.class), rs.getObject("lon", Double.class), rs.getString("media_url"),
				rs.getObject("media_id", UUID.class),
				new StoredRequest.Contact(rs.getString("email"), rs.getString("phone"), rs.getString("first_name"),
						rs.getString("last_name"), rs.getString("device_id"), rs.getString("account_id")),
				rs.getString("external_id"), rs.getObject("requested_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("expected_at", OffsetDateTime.class),
				rs.getObject("published_at", OffsetDateTime.class));
	}

	/**
	 * What to store for a new request.
	 *
	 * @param submission the validated submission
	 * @param level the service's agency, notice and expected time
	 * @param requestedAt when it was submitted
	 * @param expectedAt when it is expected to be done
	 * @param publishedAt when it becomes visible (later than {@code requestedAt} for
	 * batch services)
	 * @param token the batch token, or {@code null} for realtime services
	 * @param media the sanitized photo, or {@code null}
	 */
	record NewRow(Submission submission, ServiceLevel level, OffsetDateTime requestedAt, OffsetDateTime expectedAt,
			OffsetDateTime publishedAt, String token, SanitizedImage media) {

	}

	/**
	 * A stored submission.
	 *
	 * @param id the {@code service_request_id}
	 * @param token the batch token, or {@code null}
	 * @param duplicate whether it was stored before under the same {@code external_id}
	 */
	record Created(long id, String token, boolean duplicate) {

	}

	/**
	 * A batch token.
	 *
	 * @param token the token
	 * @param requestId the request it resolves to
	 * @param resolvesAt when it resolves
	 */
	record TokenRow(String token, long requestId, OffsetDateTime resolvesAt) {

	}

	/**
	 * One entry of a request's status history.
	 *
	 * @param status the status set
	 * @param statusNotes the notes set, or {@code null}
	 * @param changedBy who set it
	 * @param changedAt when
	 */
	record HistoryEntry(String status, String statusNotes, String changedBy, OffsetDateTime changedAt) {

	}

	/**
	 * An uploaded photo.
	 *
	 * @param contentType its content type
	 * @param bytes its bytes, metadata stripped
	 */
	record MediaRow(String contentType, byte[] bytes) {

	}

	/**
	 * The outcome of a staff status change.
	 *
	 * @param request the request afterwards
	 * @param changed whether status or notes differed from before
	 */
	record StatusChange(StoredRequest request, boolean changed) {

	}

}
