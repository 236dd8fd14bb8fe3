package org.frontdoor.channels.sms.twilio;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.frontdoor.channels.core.DeadLetterSink;

/** A real, in-memory {@link DeadLetterSink}: one entry per source and key. */
public class InMemoryDeadLetterSink implements DeadLetterSink {

	/** One dead letter. */
	public record DeadLetter(String source, String key, String payload, String contentType, String reason) {

	}

	private final Map<String, DeadLetter> letters = new LinkedHashMap<>();

	@Override
	public synchronized void deadLetter(String source, String key, byte[] payload, String contentType, String reason) {
		this.letters.putIfAbsent(source + "|" + key,
				new DeadLetter(source, key, new String(payload, StandardCharsets.UTF_8), contentType, reason));
	}

	public synchronized List<DeadLetter> all() {
		return List.copyOf(this.letters.values());
	}

	public synchronized void clear() {
		this.letters.clear();
	}

}
