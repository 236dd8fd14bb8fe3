package org.frontdoor.channels.email;

/**
 * Keys of {@link org.frontdoor.channels.core.InboundMessage#metadata()} for email. Values
 * are strings; booleans are {@code "true"} and only present when true. Message ids keep
 * their angle brackets.
 */
public final class EmailMetadata {

	/**
	 * The {@code Message-ID} as received (or synthesized, see
	 * {@link #MESSAGE_ID_SYNTHESIZED}).
	 */
	public static final String MESSAGE_ID = "email.message-id";

	/**
	 * {@code "true"} when the mail had no Message-ID and one was derived from a SHA-256
	 * of its bytes.
	 */
	public static final String MESSAGE_ID_SYNTHESIZED = "email.message-id-synthesized";

	/** The {@code In-Reply-To} ids, space separated. */
	public static final String IN_REPLY_TO = "email.in-reply-to";

	/** The {@code References} ids, oldest first, space separated. */
	public static final String REFERENCES = "email.references";

	/**
	 * {@code "true"} when {@code In-Reply-To}/{@code References} name a mail FrontDoor
	 * sent.
	 */
	public static final String REPLY_TO_FRONTDOOR = "email.reply-to-frontdoor";

	/**
	 * The subject exactly as received (decoded); {@code InboundMessage.subject()} has the
	 * prefixes removed.
	 */
	public static final String SUBJECT = "email.subject";

	/**
	 * The {@code Reply-To} address when it differs from the sender (recorded, never used
	 * to send).
	 */
	public static final String REPLY_TO = "email.reply-to";

	/** The sender's display name. */
	public static final String FROM_NAME = "email.from-name";

	/** The {@code Date} header as an ISO-8601 instant, when parseable. */
	public static final String SENT_AT = "email.date";

	/**
	 * {@code "true"} when quoted history or forwarded headers were removed from the text.
	 */
	public static final String QUOTE_STRIPPED = "email.quote-stripped";

	/** {@code "true"} when a signature or a "Sent from my phone" line was removed. */
	public static final String SIGNATURE_STRIPPED = "email.signature-stripped";

	/**
	 * {@code "true"} when the mail forwards another one (the text may then be the
	 * forwarded body).
	 */
	public static final String FORWARDED = "email.forwarded";

	/**
	 * The forwarded body when the resident also wrote something (at most 4,000
	 * characters).
	 */
	public static final String FORWARDED_TEXT = "email.forwarded-text";

	/** {@code "true"} when the text came from the HTML part (no plain-text part). */
	public static final String BODY_FROM_HTML = "email.body-from-html";

	/** Attachments that are not photos, {@code "N: type name; type name"}. */
	public static final String ATTACHMENTS_IGNORED = "email.attachments.ignored";

	/** Images not kept as photos, with why ({@code "N: name (reason); …"}). */
	public static final String PHOTOS_SKIPPED = "email.photos.skipped";

	/** What the MIME parser worked around ({@code "; "} separated). */
	public static final String PARSE_NOTES = "email.parse-notes";

	/**
	 * SPF verdict from the trusted {@code Authentication-Results} ({@code pass},
	 * {@code fail}, {@code softfail}, …).
	 */
	public static final String AUTH_SPF = "auth.spf";

	/** DKIM verdict ({@code pass} when any signature passed). */
	public static final String AUTH_DKIM = "auth.dkim";

	/** DMARC verdict. */
	public static final String AUTH_DMARC = "auth.dmarc";

	/**
	 * The authserv-id of the {@code Authentication-Results} header the verdicts come
	 * from.
	 */
	public static final String AUTH_SERV_ID = "auth.authserv-id";

	/**
	 * {@code "true"} when that header's authserv-id is one of the configured trusted
	 * ones.
	 */
	public static final String AUTH_TRUSTED = "auth.trusted";

	/**
	 * The sender verdict: {@code pass}, {@code fail} or {@code unknown} (see
	 * {@code AuthenticationResults}).
	 */
	public static final String SENDER_AUTH = "email.sender-auth";

	/**
	 * {@code allow} or {@code withhold}: whether the gateway may send later status
	 * updates to this sender (withheld when the mail failed authentication and
	 * {@code frontdoor.channels.email.require-authenticated-sender-for-updates} is on).
	 */
	public static final String STATUS_UPDATES = "email.status-updates";

	/** {@link #STATUS_UPDATES} value: updates may be sent. */
	public static final String STATUS_UPDATES_ALLOW = "allow";

	/** {@link #STATUS_UPDATES} value: do not send status updates to this sender. */
	public static final String STATUS_UPDATES_WITHHOLD = "withhold";

	private EmailMetadata() {
	}

}
