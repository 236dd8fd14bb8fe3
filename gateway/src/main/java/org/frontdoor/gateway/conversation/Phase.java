package org.frontdoor.gateway.conversation;

/** Where a conversation stands ({@code conversation.phase}). */
public enum Phase {

	/** Collecting the report; a question may be waiting. */
	OPEN,

	/** The report is in the Open311 outbox. */
	SUBMITTING,

	/** The backend created the request (or accepted it with a token). */
	SUBMITTED,

	/** The resident chose to follow an open request nearby instead. */
	FOLLOWING,

	/** The resident cancelled (CANCEL, STOP). */
	CANCELLED,

	/** No answer for too long; what was collected is kept. */
	EXPIRED,

	/** The backend refused the report, or it could not be delivered. */
	FAILED;

	/**
	 * Whether a new report starts a new conversation.
	 * @return {@code true} unless {@link #OPEN}
	 */
	public boolean closed() {
		return this != OPEN;
	}

}
