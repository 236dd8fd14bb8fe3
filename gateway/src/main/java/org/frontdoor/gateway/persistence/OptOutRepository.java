package org.frontdoor.gateway.persistence;

import org.frontdoor.channels.core.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Residents who opted out of all messages on an address ({@code opt_out}): STOP, or the
 * carrier telling us (Twilio 21610). The outbound outbox sends nothing to them unless a
 * message is explicitly marked to ignore opt-outs (the one STOP confirmation).
 */
@Repository
public class OptOutRepository {

	private final JdbcClient jdbc;

	public OptOutRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Record an opt-out; recording it again changes nothing.
	 * @param channel the channel
	 * @param address the resident's address
	 * @param source who said so (e.g. {@code keyword}, {@code carrier})
	 * @param reason details for the admin, or {@code null}
	 * @return whether it was new
	 */
	public boolean optOut(Channel channel, String address, String source, String reason) {
		return this.jdbc
			.sql("insert into opt_out (channel, address, source, reason) values (:channel, :address, "
					+ ":source, :reason) on conflict (channel, address) do nothing")
			.param("channel", channel.name())
			.param("address", address)
			.param("source", source)
			.param("reason", Sql.cut(reason, 500))
			.update() == 1;
	}

	/**
	 * Remove an opt-out (START).
	 * @param channel the channel
	 * @param address the address
	 * @return whether there was one
	 */
	public boolean optIn(Channel channel, String address) {
		return this.jdbc.sql("delete from opt_out where channel = :channel and address = :address")
			.param("channel", channel.name())
			.param("address", address)
			.update() == 1;
	}

	/**
	 * Whether an address opted out.
	 * @param channel the channel
	 * @param address the address
	 * @return {@code true} if so
	 */
	public boolean isOptedOut(Channel channel, String address) {
		return this.jdbc.sql("select exists (select 1 from opt_out where channel = :channel and address = :address)")
			.param("channel", channel.name())
			.param("address", address)
			.query(Boolean.class)
			.single();
	}

}
