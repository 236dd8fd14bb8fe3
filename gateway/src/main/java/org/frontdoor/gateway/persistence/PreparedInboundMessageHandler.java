package org.frontdoor.gateway.persistence;

import org.frontdoor.channels.core.InboundMessage;

/**
 * An {@link InboundMessageHandler} that splits its work in two: the remote steps a
 * message may need (downloading media, geocoding, asking a backend) in {@link #prepare},
 * which the {@link InboundProcessor} calls <em>outside</em> any transaction, and the
 * decision in {@link #handle(InboundMessage, Object)}, which it calls inside the
 * transaction that also marks the message processed (blueprint §3.5). No database
 * connection or lock is held while the remote steps run.
 *
 * @param <P> what the preparation hands to the decision
 */
public interface PreparedInboundMessageHandler<P> extends InboundMessageHandler {

	/**
	 * Do the remote work for one message, outside any transaction. Called again when an
	 * attempt is retried.
	 * @param message the message
	 * @return what {@link #handle(InboundMessage, Object)} needs
	 * @throws Exception to retry later (counts as a failed attempt)
	 */
	P prepare(InboundMessage message) throws Exception;

	/**
	 * Decide, inside the transaction that marks the message processed.
	 * @param message the message
	 * @param prepared what {@link #prepare(InboundMessage)} returned for it
	 * @throws Exception to roll back and retry later
	 */
	void handle(InboundMessage message, P prepared) throws Exception;

	@Override
	default void handle(InboundMessage message) throws Exception {
		handle(message, prepare(message));
	}

}
