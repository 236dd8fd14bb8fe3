package org.frontdoor.channels.core;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real, in-memory {@link MediaStore} for the channels' tests (shared by every channel).
 */
public final class InMemoryMediaStore implements MediaStore {

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

	/**
	 * How many media are stored.
	 * @return the count
	 */
	public int size() {
		return this.media.size();
	}

	/** Forget everything (between tests). */
	public void clear() {
		this.media.clear();
	}

}
