package org.frontdoor.channels.core;

/**
 * Where inbound adapters put what they receive (implemented by the gateway's
 * persistence). Blueprint §3.1: an adapter acknowledges the provider only after
 * {@link #store(InboundMessage)} returned.
 */
public interface InboundMessageStore {

	/**
	 * Durably store the message unless one with the same channel and provider message id
	 * is already stored. On return the row is committed.
	 * @param message the normalized message
	 * @return whether it was new or a redelivery
	 */
	StoreOutcome store(InboundMessage message);

	/** What {@link #store(InboundMessage)} did. */
	enum StoreOutcome {

		/** Stored now; processing will follow asynchronously. */
		ACCEPTED,

		/** Already stored earlier (a provider retry); nothing changed. */
		DUPLICATE

	}

}
