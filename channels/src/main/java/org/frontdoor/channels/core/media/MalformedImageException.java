package org.frontdoor.channels.core.media;

/**
 * Internal: the bytes claim a format but do not follow its structure, or its metadata
 * cannot be removed safely. Turned into a {@link RejectedMedia} by
 * {@link MediaSanitizer}; never thrown at callers.
 */
class MalformedImageException extends Exception {

	private final RejectedMedia.Reason reason;

	MalformedImageException(String message) {
		this(RejectedMedia.Reason.MALFORMED, message);
	}

	MalformedImageException(RejectedMedia.Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	RejectedMedia.Reason reason() {
		return this.reason;
	}

}
