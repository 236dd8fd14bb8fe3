package org.frontdoor.gateway.persistence;

import java.util.List;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Residents who want updates on a tracked service request ({@code subscription}).
 */
@Repository
public class SubscriptionRepository {

	private final JdbcClient jdbc;

	public SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Subscribe an address to a link; subscribing again re-activates and updates the
	 * locale.
	 * @param linkId the link
	 * @param channel the channel
	 * @param address the resident's address
	 * @param locale the resident's language (e.g. {@code en}, {@code es}), or
	 * {@code null}
	 * @param conversationId the conversation, or {@code null}
	 * @return the subscription
	 */
	public Subscription subscribe(UUID linkId, Channel channel, String address, String locale, UUID conversationId) {
		return this.jdbc.sql("""
				insert into subscription (id, link_id, channel, address, locale, conversation_id)
				values (:id, :link, :channel, :address, :locale, :conversation)
				on conflict (link_id, channel, address) do update set active = true,
					locale = coalesce(excluded.locale, subscription.locale),
					conversation_id = coalesce(excluded.conversation_id, subscription.conversation_id)
				returning *
				""")
			.param("id", UUID.randomUUID())
			.param("link", linkId)
			.param("channel", channel.name())
			.param("address", address)
			.param("locale", locale)
			.param("conversation", conversationId)
			.query(this::map)
			.single();
	}

	/**
	 * Stop updates for one subscription.
	 * @param id the subscription
	 */
	public void deactivate(UUID id) {
		this.jdbc.sql("update subscription set active = false where id = :id").param("id", id).update();
	}

	/**
	 * Active subscriptions of a link.
	 * @param linkId the link
	 * @return the subscriptions
	 */
	public List<Subscription> activeFor(UUID linkId) {
		return this.jdbc.sql("select * from subscription where link_id = :link and active order by created_at")
			.param("link", linkId)
			.query(this::map)
			.list();
	}

	private Subscription map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Subscription(rs.getObject("id", UUID.class), rs.getObject("link_id", UUID.class),
				Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("locale"),
				rs.getObject("conversation_id", UUID.class), rs.getBoolean("active"), Sql.instant(rs, "created_at"));
	}

	/**
	 * A resident's subscription.
	 *
	 * @param id the subscription id
	 * @param linkId the tracked request
	 * @param channel the channel to notify on
	 * @param address the resident's address on it
	 * @param locale the resident's language, or {@code null}
	 * @param conversationId the conversation, or {@code null}
	 * @param active whether updates are wanted
	 * @param createdAt when it was created
	 */
	public record Subscription(UUID id, UUID linkId, Channel channel, String address, String locale,
			UUID conversationId, boolean active, java.time.Instant createdAt) {

	}

}
