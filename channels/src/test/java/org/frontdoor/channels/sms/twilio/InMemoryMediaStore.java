package org.frontdoor.channels.sms.twilio;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.frontdoor.channels.core.MediaStore;

/** A real, in-memory {@link MediaStore} for module tests. */
public class InMemoryMediaStore implements MediaStore {

	private final Map<String, StoredMedia> media = new ConcurrentHashMap<>();

	@Override
	public StoredMedia save(byte[] bytes, String contentType, String filename) {
		StoredMedia stored = new StoredMedia(UUID.randomUUID().toString(), contentType, bytes.length, bytes.clone());
		this.media.put(stored.id(), stored);
		return stored;
	}

	@Override
	public Optional<StoredMedia> find(String id) {
		return Optional.ofNullable(this.media.get(id));
	}

	public int size() {
		return this.media.size();
	}

}
