package org.frontdoor.channels.core;

/**
 * A photo (or other medium) attached to an inbound message. Either it still lives at the
 * provider ({@link #sourceUrl()} set, fetched later off the webhook thread) or FrontDoor
 * already holds the sanitized bytes ({@link #storedMediaId()} set).
 *
 * @param sourceUrl where the provider keeps it (e.g. a Twilio media URL), or {@code null}
 * @param contentType the content type (sniffed from the bytes once FrontDoor has them,
 * declared by the provider before that)
 * @param storedMediaId FrontDoor's media id once the bytes are stored, or {@code null}
 * @param filename the original file name (email attachments), or {@code null}
 * @param exifLocation the GPS position read from the photo's EXIF before it was stripped,
 * or {@code null}
 */
public record InboundMedia(String sourceUrl, String contentType, String storedMediaId, String filename,
		SharedLocation exifLocation) {

}
