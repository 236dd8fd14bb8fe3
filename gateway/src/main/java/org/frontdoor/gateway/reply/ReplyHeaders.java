package org.frontdoor.gateway.reply;

/**
 * The {@link org.frontdoor.channels.core.OutboundMessage#headers()} and inbound metadata
 * keys FrontDoor's replies use, by channel. They are the contracts the channel adapters
 * document: the chat sender's {@code FrontDoor-*} headers, the email sender's threading
 * headers and the email channel's inbound metadata keys, the Twilio sender's template
 * headers.
 */
public final class ReplyHeaders {

	/** Chat: {@code reply} or {@code status}. */
	public static final String CHAT_KIND = "FrontDoor-Kind";

	/** Chat: the language of the text ({@code en}, {@code es}). */
	public static final String CHAT_LANGUAGE = "Content-Language";

	/** Chat: the service request a message is about. */
	public static final String CHAT_SERVICE_REQUEST_ID = "FrontDoor-Service-Request-Id";

	/** Chat: the request's Open311 status ({@code open}/{@code closed}). */
	public static final String CHAT_STATUS = "FrontDoor-Status";

	/** Chat: the backend's own status wording. */
	public static final String CHAT_STATUS_DETAIL = "FrontDoor-Status-Detail";

	/** {@link #CHAT_KIND} value of replies. */
	public static final String KIND_REPLY = "reply";

	/** {@link #CHAT_KIND} value of status updates. */
	public static final String KIND_STATUS = "status";

	/** Email: the Message-ID answered. */
	public static final String EMAIL_IN_REPLY_TO = "In-Reply-To";

	/** Email: the thread's ids, oldest first, space separated. */
	public static final String EMAIL_REFERENCES = "References";

	/** Email: RFC 3834 {@code Auto-Submitted}. */
	public static final String EMAIL_AUTO_SUBMITTED = "Auto-Submitted";

	/** Email inbound metadata: the mail's Message-ID. */
	public static final String EMAIL_MESSAGE_ID = "email.message-id";

	/** Email inbound metadata: its References, oldest first, space separated. */
	public static final String EMAIL_REFERENCES_META = "email.references";

	/**
	 * Email inbound metadata: its In-Reply-To (the start of the thread chain when it has
	 * no References, RFC 5322 §3.6.4).
	 */
	public static final String EMAIL_IN_REPLY_TO_META = "email.in-reply-to";

	/**
	 * Email inbound metadata: the mail's subject as the resident wrote it; replies in the
	 * thread keep it ({@code Re: <subject>}), so every mail client shows one thread.
	 */
	public static final String EMAIL_SUBJECT_META = "email.subject";

	/**
	 * Email inbound metadata: {@code allow} or {@code withhold} status updates to the
	 * sender (mail that failed authentication).
	 */
	public static final String EMAIL_STATUS_UPDATES = "email.status-updates";

	/** WhatsApp: a configured template purpose (Twilio sender). */
	public static final String TWILIO_TEMPLATE = "twilio.template";

	/** WhatsApp: the template's variables as JSON (Twilio sender). */
	public static final String TWILIO_CONTENT_VARIABLES = "twilio.content-variables";

	private ReplyHeaders() {
	}

}
