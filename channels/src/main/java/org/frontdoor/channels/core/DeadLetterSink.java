package org.frontdoor.channels.core;

/**
 * Where an adapter puts provider traffic it could not turn into an {@link InboundMessage}
 * (e.g. an email whose MIME cannot be parsed), so it is kept with its reason, visible to
 * an admin and replayable, instead of being dropped or blocking the queue (blueprint
 * §3.4). Implemented by the gateway.
 */
public interface DeadLetterSink {

	/**
	 * Durably record something that could not be processed. On return it is committed.
	 * @param source where it came from, e.g. {@code email.inbound}, {@code twilio.media}
	 * @param key an idempotency key (e.g. the provider message id or a content hash);
	 * recording the same source and key twice keeps one dead letter
	 * @param payload the raw bytes as received (PII: never logged)
	 * @param contentType the payload's content type, e.g. {@code message/rfc822}
	 * @param reason why it could not be processed, for the admin
	 */
	void deadLetter(String source, String key, byte[] payload, String contentType, String reason);

}
