package org.frontdoor.channels.email.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.frontdoor.channels.core.DeadLetterSink;

/**
 * A real, in-memory {@link DeadLetterSink} for tests: one dead letter per source and key.
 */
public final class InMemoryDeadLetterSink implements DeadLetterSink {

	private final Map<String, DeadLetter> letters = new ConcurrentHashMap<>();

	@Override
	public void deadLetter(String source, String key, byte[] payload, String contentType, String reason) {
		this.letters.putIfAbsent(source + "|" + key, new DeadLetter(source, key, payload.clone(), contentType, reason));
	}

	/**
	 * The dead letters recorded.
	 * @return the letters
	 */
	public List<DeadLetter> letters() {
		return List.copyOf(this.letters.values());
	}

	/**
	 * A dead letter.
	 *
	 * @param source the source
	 * @param key the key
	 * @param payload the bytes
	 * @param contentType the content type
	 * @param reason the reason
	 */
	public record DeadLetter(String source, String key, byte[] payload, String contentType, String reason) {

	}

	/** Forget everything (between tests). */
	public void clear() {
		this.letters.clear();
	}

}
