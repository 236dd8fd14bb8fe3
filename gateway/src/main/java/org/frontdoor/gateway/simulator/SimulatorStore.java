package org.frontdoor.gateway.simulator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontdoor.channels.core.RandomIds;
import org.frontdoor.gateway.persistence.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulator's messages and photos ({@code simulator_message},
 * {@code simulator_media}), in the database so the page works the same with several
 * instances and after a restart.
 */
public class SimulatorStore {

	private final JdbcClient jdbc;

	/**
	 * A store.
	 * @param jdbc the database
	 */
	public SimulatorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A Twilio-looking id: a prefix and 32 hex digits.
	 * @param prefix {@code SM}, {@code MM}, {@code ME}
	 * @return the id
	 */
	public static String sid(String prefix) {
		return prefix + RandomIds.hex(16);
	}

	/**
	 * Record a message.
	 * @param message the message
	 * @param callbackUrl where to report its delivery, or {@code null}
	 * @param callbackAfter when, from now, or {@code null}
	 * @return the row id
	 */
	public long add(SimulatedMessage message, String callbackUrl, Duration callbackAfter) {
		return this.jdbc.sql("""
				insert into simulator_message (sid, direction, channel, phone, body, media, status, callback_url,
					callback_due_at)
				values (:sid, :direction, :channel, :phone, :body, cast(:media as jsonb), :status, :callback,
					now() + make_interval(secs => :after))
				returning id
				""")
			.param("sid", message.sid())
			.param("direction", message.direction())
			.param("channel", message.channel())
			.param("phone", message.phone())
			.param("body", message.body())
			.param("media", (message.mediaId() != null) ? "[\"" + message.mediaId() + "\"]" : null)
			.param("status", message.status())
			.param("callback", callbackUrl)
			.param("after", (callbackAfter != null) ? callbackAfter.toMillis() / 1000.0 : null)
			.query(Long.class)
			.single();
	}

	/**
	 * A phone's messages after a row id, oldest first.
	 * @param phone the E.164 number
	 * @param after the last row id seen (0 for all)
	 * @return the messages
	 */
	public List<SimulatedMessage> thread(String phone, long after) {
		return this.jdbc
			.sql("select * from simulator_message where phone = :phone and id > :after order by id limit 200")
			.param("phone", phone)
			.param("after", after)
			.query(this::map)
			.list();
	}

	/**
	 * Claim messages whose delivery callback is due, marking them delivered.
	 * @param limit at most this many
	 * @return the claimed messages with their callback URLs
	 */
	public List<DueCallback> claimDueCallbacks(int limit) {
		return this.jdbc.sql("""
				with due as (
					select id from simulator_message where callback_due_at <= now()
					order by callback_due_at limit :limit for update skip locked)
				update simulator_message m set callback_due_at = null, status = 'delivered'
				from due where m.id = due.id
				returning m.*
				""")
			.param("limit", limit)
			.query((rs, n) -> new DueCallback(map(rs, n), rs.getString("callback_url")))
			.list();
	}

	/**
	 * Keep a photo the page attached.
	 * @param bytes the bytes (as the resident's phone would send them: EXIF included)
	 * @param contentType the declared type
	 * @return its id ({@code ME…})
	 */
	public String saveMedia(byte[] bytes, String contentType) {
		String id = sid("ME");
		this.jdbc.sql("insert into simulator_media (id, content_type, bytes) values (:id, :type, :bytes)")
			.param("id", id)
			.param("type", contentType)
			.param("bytes", bytes)
			.update();
		return id;
	}

	/**
	 * A photo.
	 * @param id its id
	 * @return the photo, or empty
	 */
	public Optional<Media> media(String id) {
		return this.jdbc.sql("select content_type, bytes from simulator_media where id = :id")
			.param("id", id)
			.query((rs, n) -> new Media(rs.getString("content_type"), rs.getBytes("bytes")))
			.optional();
	}

	private SimulatedMessage map(ResultSet rs, int row) throws SQLException {
		String media = rs.getString("media");
		String mediaId = (media != null && media.length() > 4) ? media.replaceAll("[\\[\\]\" ]", "") : null;
		return new SimulatedMessage(rs.getLong("id"), rs.getString("sid"), rs.getString("direction"),
				rs.getString("channel"), rs.getString("phone"), rs.getString("body"), mediaId, rs.getString("status"),
				Sql.instant(rs, "created_at"));
	}

	/**
	 * One message between the page and FrontDoor.
	 *
	 * @param id the row id (grows with time)
	 * @param sid the Twilio-looking message id
	 * @param direction {@code IN} (the page to FrontDoor) or {@code OUT}
	 * @param channel {@code SMS} or {@code WHATSAPP}
	 * @param phone the resident's number (E.164)
	 * @param body the text
	 * @param mediaId the attached photo's id, or {@code null}
	 * @param status {@code received}, {@code queued}, {@code delivered}
	 * @param at when
	 */
	public record SimulatedMessage(long id, String sid, String direction, String channel, String phone, String body,
			String mediaId, String status, Instant at) {

	}

	/**
	 * A delivery callback to post.
	 *
	 * @param message the delivered message
	 * @param url where to post it
	 */
	public record DueCallback(SimulatedMessage message, String url) {

	}

	/**
	 * A stored photo.
	 *
	 * @param contentType its declared type
	 * @param bytes its bytes
	 */
	public record Media(String contentType, byte[] bytes) {

	}

}
