package org.frontdoor.channels.core;

import java.util.Optional;

/**
 * Where FrontDoor keeps residents' photos once they are sanitized (EXIF stripped),
 * implemented by the gateway. Stored media is served at an unguessable URL
 * ({@code /media/{id}}) that becomes the Open311 {@code media_url}.
 */
public interface MediaStore {

	/**
	 * Store sanitized bytes.
	 * @param bytes the bytes, already stripped of EXIF
	 * @param contentType the sniffed content type
	 * @param filename the original name, or {@code null}
	 * @return the stored media
	 */
	StoredMedia save(byte[] bytes, String contentType, String filename);

	/**
	 * Look stored media up by id.
	 * @param id the id
	 * @return the media, or empty
	 */
	Optional<StoredMedia> find(String id);

	/**
	 * A stored medium.
	 *
	 * @param id the unguessable id
	 * @param contentType its content type
	 * @param size its size in bytes
	 * @param bytes the bytes (may be {@code null} when only metadata was loaded)
	 */
	record StoredMedia(String id, String contentType, long size, byte[] bytes) {

	}

}
