package org.frontdoor.gateway.persistence;

import org.frontdoor.channels.core.InboundMessage;

/**
 * Processes stored inbound messages, off the webhook thread (the conversation engine
 * implements it). The {@link InboundProcessor} calls it inside a transaction that also
 * marks the message processed, so whatever the handler writes (conversation state, outbox
 * rows) commits together with that mark (blueprint §3.5). Throwing rolls all of it back
 * and counts a failed attempt; after {@code frontdoor.outbox.max-attempts} the message is
 * dead-lettered (source {@code inbound.processing}). With no handler bean, messages wait
 * in {@code PENDING}.
 */
public interface InboundMessageHandler {

	/**
	 * Handle one message. Called at least once per message; make it idempotent on
	 * {@link InboundMessage#id()} where a repeat would be visible to the resident.
	 * @param message the message
	 * @throws Exception to retry later
	 */
	void handle(InboundMessage message) throws Exception;

}
