package org.frontdoor.channels.email;

/**
 * Names of the Spring Integration message channels of the email channel.
 */
public final class EmailMessageChannels {

	/**
	 * Fetched IMAP messages (payload: the live {@code jakarta.mail.internet.MimeMessage},
	 * its folder open), from the IMAP listener to the ingest handler, on the listener's
	 * thread. A {@code DirectChannel}: the mail is acknowledged in the mailbox only after
	 * the handler returned.
	 */
	public static final String INBOUND = "frontdoorEmailInbound";

	private EmailMessageChannels() {
	}

}
