package org.frontdoor.channels.core.media;

/**
 * What {@link MediaSanitizer#sanitize(byte[], String)} made of some bytes: either a
 * {@link SanitizedImage} safe to store and serve, or a {@link RejectedMedia} with the
 * reason (bad data is a result, not an exception).
 */
public sealed interface SanitizeResult permits SanitizedImage, RejectedMedia {

}
