package org.frontdoor.gateway.reply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.gateway.persistence.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code resident} table. Its row lock ({@link #lockForMessage},
 * {@link #lockOfConversation}) is how every decision about a resident is serialized,
 * across threads and gateway instances: it is held until the transaction ends.
 */
@Repository
public class Residents {

	private final JdbcClient jdbc;

	public Residents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The same person across channels: SMS and WhatsApp share the phone number.
	 * @param address a resident address
	 * @return the identity
	 */
	public static String identityOf(String address) {
		String lower = address.strip();
		if (lower.startsWith("whatsapp:")) {
			return "tel:" + lower.substring("whatsapp:".length());
		}
		if (lower.regionMatches(true, 0, "mailto:", 0, 7)) {
			return lower.toLowerCase(Locale.ROOT);
		}
		return lower;
	}

	/**
	 * Create the resident when new, record that they just wrote, and lock their row for
	 * the rest of the transaction (one statement: {@code INSERT … ON CONFLICT DO UPDATE}
	 * takes the row lock). Call inside a transaction.
	 * @param channel the channel
	 * @param address the address
	 * @param wroteAt when the message being applied was received
	 * @return the resident as it was before this message
	 * ({@link Resident#lastInboundAt()} is the previous message's time), locked
	 */
	public Resident lockForMessage(Channel channel, String address, Instant wroteAt) {
		return this.jdbc.sql("""
				with previous as (select last_inbound_at from resident where channel = :channel and address = :address)
				insert into resident as r (id, channel, address, identity, last_inbound_at)
				values (:id, :channel, :address, :identity, :at)
				on conflict (channel, address) do update
					set last_inbound_at = greatest(coalesce(r.last_inbound_at, excluded.last_inbound_at),
						excluded.last_inbound_at), updated_at = now()
				returning r.id, r.channel, r.address, r.identity, r.locale, r.locale_source,
					(select last_inbound_at from previous) as last_inbound_at
				""")
			.param("id", UUID.randomUUID())
			.param("channel", channel.name())
			.param("address", address)
			.param("identity", identityOf(address))
			.param("at", Sql.ts(wroteAt))
			.query(this::map)
			.single();
	}

	/**
	 * Lock the resident of a conversation for the rest of the transaction.
	 * @param conversationId the conversation
	 * @return the resident, locked, or empty
	 */
	public Optional<Resident> lockOfConversation(UUID conversationId) {
		return this.jdbc.sql("""
				select r.* from resident r join conversation c on c.resident_id = r.id
				where c.id = :conversation for update of r
				""").param("conversation", conversationId).query(this::map).optional();
	}

	/**
	 * Read a resident without locking.
	 * @param channel the channel
	 * @param address the address
	 * @return the resident, or empty
	 */
	public Optional<Resident> find(Channel channel, String address) {
		return this.jdbc.sql("select * from resident where channel = :channel and address = :address")
			.param("channel", channel.name())
			.param("address", address)
			.query(this::map)
			.optional();
	}

	/**
	 * Remember the resident's language.
	 * @param id the resident
	 * @param locale the language tag
	 * @param source {@link Resident#DETECTED} or {@link Resident#CHOSEN}
	 */
	public void setLocale(UUID id, String locale, String source) {
		this.jdbc
			.sql("update resident set locale = :locale, locale_source = :source, updated_at = now() where id = :id")
			.param("locale", locale)
			.param("source", source)
			.param("id", id)
			.update();
	}

	private Resident map(ResultSet rs, int row) throws SQLException {
		return new Resident(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
				rs.getString("address"), rs.getString("identity"), rs.getString("locale"),
				rs.getString("locale_source"), Sql.instant(rs, "last_inbound_at"));
	}

}
