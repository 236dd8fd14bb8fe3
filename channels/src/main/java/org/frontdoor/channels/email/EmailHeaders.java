package org.frontdoor.channels.email;

/**
 * Keys of {@link org.frontdoor.channels.core.OutboundMessage#headers()} that
 * {@link org.frontdoor.channels.email.outbound.EmailSender} reads, and the values it
 * accepts. The gateway fills them from the {@link EmailMetadata} of the inbound message
 * it answers (see {@link EmailThreading}).
 */
public final class EmailHeaders {

	/**
	 * The Message-ID of the mail answered, {@code <id@host>} form; becomes the
	 * {@code In-Reply-To} header.
	 */
	public static final String IN_REPLY_TO = "In-Reply-To";

	/**
	 * The thread's message ids, oldest first, separated by spaces; becomes the
	 * {@code References} header (trimmed to the root and the most recent ids when long).
	 */
	public static final String REFERENCES = "References";

	/**
	 * The kind of automatic mail (RFC 3834): {@link #AUTO_REPLIED} for answers to a
	 * resident's mail (the default), {@link #AUTO_GENERATED} for status updates sent on
	 * FrontDoor's own initiative.
	 */
	public static final String AUTO_SUBMITTED = "Auto-Submitted";

	/** {@link #AUTO_SUBMITTED} value for replies. */
	public static final String AUTO_REPLIED = "auto-replied";

	/** {@link #AUTO_SUBMITTED} value for status updates. */
	public static final String AUTO_GENERATED = "auto-generated";

	private EmailHeaders() {
	}

}
