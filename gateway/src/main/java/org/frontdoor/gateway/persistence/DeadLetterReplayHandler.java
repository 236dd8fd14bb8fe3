package org.frontdoor.gateway.persistence;

/**
 * Replays dead letters of one source. Whoever owns a source registers a bean of this type
 * (the foundation registers {@code outbox.submission}, {@code outbox.outbound} and
 * {@code inbound.processing}); the admin API's replay calls it in a transaction and marks
 * the dead letter {@code REPLAYED}, or {@code FAILED} with the exception's message. A
 * replay should put the item back on its durable queue rather than do the work inline.
 */
public interface DeadLetterReplayHandler {

	/**
	 * Whether this handler replays dead letters of the source.
	 * @param source the dead letter's source
	 * @return {@code true} if so
	 */
	boolean supports(String source);

	/**
	 * Replay one dead letter.
	 * @param deadLetter the dead letter
	 * @throws Exception when it cannot be replayed (the message is shown to the admin)
	 */
	void replay(DeadLetter deadLetter) throws Exception;

}
