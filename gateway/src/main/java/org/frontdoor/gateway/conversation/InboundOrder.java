package org.frontdoor.gateway.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.gateway.persistence.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a resident's messages in arrival order when several workers (threads or gateway
 * instances) take messages at once: before deciding on a message, wait while an earlier
 * message of the same resident is being applied by another worker (on its first attempt,
 * with a live lease). An earlier message that failed once no longer holds later ones back
 * (it is applied when its retry comes), and no message waits longer than
 * {@code frontdoor.conversation.order-wait}. Never two at once is guaranteed separately
 * by the resident's row lock.
 */
@Component
public class InboundOrder {

	private static final Logger log = LoggerFactory.getLogger(InboundOrder.class);

	private static final Duration PAUSE = Duration.ofMillis(20);

	private final JdbcClient jdbc;

	private final Duration maxWait;

	public InboundOrder(JdbcClient jdbc, ConversationProperties properties) {
		this.jdbc = jdbc;
		this.maxWait = properties.orderWait();
	}

	/**
	 * Wait until no earlier message of the same resident is being applied elsewhere.
	 * @param message the message about to be decided
	 * @return how long it waited
	 */
	public Duration awaitPredecessors(InboundMessage message) {
		Instant start = Instant.now();
		Instant deadline = start.plus(this.maxWait);
		while (true) {
			List<Boolean> inFlight = this.jdbc.sql("""
					select true from inbound_message
					where channel = :channel and sender = :sender and received_at < :at and id <> :id
					  and state = 'IN_FLIGHT' and lease_until > now() and attempts <= 1 and last_error is null
					limit 1
					""")
				.param("channel", message.channel().name())
				.param("sender", message.from())
				.param("at", Sql.ts(message.receivedAt()))
				.param("id", message.id())
				.query(Boolean.class)
				.list();
			if (inFlight.isEmpty()) {
				return Duration.between(start, Instant.now());
			}
			if (Instant.now().isAfter(deadline)) {
				log.debug("Inbound {} waited {} for an earlier message of the same resident; applying it now",
						message.id(), this.maxWait);
				return Duration.between(start, Instant.now());
			}
			try {
				Thread.sleep(PAUSE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Duration.between(start, Instant.now());
			}
		}
	}

}
