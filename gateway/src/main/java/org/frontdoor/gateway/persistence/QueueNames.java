package org.frontdoor.gateway.persistence;

/**
 * The durable queues, as named in {@code queue_control}, the admin API and metrics.
 */
public final class QueueNames {

	/** Inbound messages waiting to be processed by the conversation engine. */
	public static final String INBOUND = "inbound";

	/** The Open311 submission outbox. */
	public static final String SUBMISSION = "submission";

	/** The outbound message outbox (replies and status updates to residents). */
	public static final String OUTBOUND = "outbound";

	private QueueNames() {
	}

}
