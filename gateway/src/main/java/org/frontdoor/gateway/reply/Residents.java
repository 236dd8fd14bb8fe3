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
 * The {@code resident} table. {@link #lock} is how every decision about a resident is
 * serialized, across threads and gateway instances: it takes the resident row's lock
 * until the transaction ends.
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
	 * Create the resident when new, then lock their row for the rest of the transaction.
	 * Call inside a transaction.
	 * @param channel the channel
	 * @param address the address
	 * @return the resident, locked
	 */
	public Resident lock(Channel channel, String address) {
		this.jdbc.sql("""
				insert into resident (id, channel, address, identity) values (:id, :channel, :address, :identity)
				on conflict (channel, address) do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("channel", channel.name())
			.param("address", address)
			.param("identity", identityOf(address))
			.update();
		return this.jdbc.sql("select * from resident where channel = :channel and address = :address for update")
			.param("channel", channel.name())
			.param("address", address)
			.query(this::map)
			.single();
	}

	/**
	 * Lock a known resident's row for the rest of the transaction.
	 * @param id the resident id
	 * @return the resident, locked, or empty
	 */
	public Optional<Resident> lock(UUID id) {
		return this.jdbc.sql("select * from resident where id = :id for update")
			.param("id", id)
			.query(this::map)
			.optional();
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
	 * Record that the resident wrote.
	 * @param id the resident
	 * @param at when
	 */
	public void touched(UUID id, Instant at) {
		this.jdbc.sql("""
				update resident set last_inbound_at = greatest(coalesce(last_inbound_at, :at), :at), updated_at = now()
				where id = :id
				""").param("at", Sql.ts(at)).param("id", id).update();
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
