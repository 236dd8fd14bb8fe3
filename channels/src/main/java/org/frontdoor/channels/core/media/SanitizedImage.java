package org.frontdoor.channels.core.media;

import org.frontdoor.channels.core.SharedLocation;

/**
 * An image whose metadata was removed (EXIF, XMP, IPTC, comments, text chunks), with the
 * GPS position that was read from it before.
 *
 * @param bytes the sanitized bytes, ready for
 * {@link org.frontdoor.channels.core.MediaStore#save(byte[], String, String)}
 * @param format the format sniffed from the magic bytes
 * @param exifLocation the photo's EXIF GPS position if it had a usable one, else
 * {@code null}
 * @param originalSize the size of the bytes before sanitizing
 */
public record SanitizedImage(byte[] bytes, ImageFormat format, SharedLocation exifLocation,
		long originalSize) implements SanitizeResult {

	/**
	 * The content type to store and serve the bytes with.
	 * @return the sniffed format's content type
	 */
	public String contentType() {
		return this.format.contentType();
	}

}
