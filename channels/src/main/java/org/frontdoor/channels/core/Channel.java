package org.frontdoor.channels.core;

/**
 * A resident-facing medium (blueprint §1). Spring Integration pipes are "message
 * channels" and are never called just "channel".
 */
public enum Channel {

	/** SMS and MMS, through a provider such as Twilio. */
	SMS,

	/** WhatsApp, through a provider such as Twilio. */
	WHATSAPP,

	/** Email: IMAP in, SMTP out. */
	EMAIL,

	/** The web chat widget embedded in the city's site. */
	CHAT

}
