package org.frontdoor.channels.core.media;

/**
 * Media FrontDoor will not store, with why (shown to an admin on the dead letter).
 *
 * @param reason the kind of refusal
 * @param detail a human-readable explanation (no PII: sizes, types, offsets only)
 */
public record RejectedMedia(Reason reason, String detail) implements SanitizeResult {

	/** Why media was refused. */
	public enum Reason {

		/** No bytes at all. */
		EMPTY,

		/** Larger than {@link MediaPolicy#maxBytes()}. */
		TOO_LARGE,

		/** The magic bytes are no accepted image format (PDF, SVG, HTML, video, …). */
		UNSUPPORTED_TYPE,

		/** The format is recognized but not enabled in the {@link MediaPolicy}. */
		FORMAT_NOT_ALLOWED,

		/**
		 * The declared content type is one a browser would run or render as a document
		 * (HTML, SVG, script, XML, PDF, …) while the bytes are an image: a polyglot.
		 */
		TYPE_MISMATCH,

		/** The bytes do not follow the sniffed format's structure. */
		MALFORMED,

		/** Metadata could not be removed safely (so the bytes are not served). */
		CANNOT_STRIP

	}

}
