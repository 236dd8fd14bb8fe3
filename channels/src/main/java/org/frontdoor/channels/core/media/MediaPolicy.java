package org.frontdoor.channels.core.media;

import java.util.EnumSet;
import java.util.Set;

/**
 * Limits applied by {@link MediaSanitizer}.
 *
 * @param maxBytes the largest file accepted, in bytes
 * @param allowedFormats the formats accepted
 */
public record MediaPolicy(long maxBytes, Set<ImageFormat> allowedFormats) {

	/** 10 MiB: above Twilio's 5 MB MMS limit, below typical mail attachment limits. */
	public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

	public MediaPolicy {
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes must be positive");
		}
		allowedFormats = (allowedFormats == null || allowedFormats.isEmpty()) ? EnumSet.allOf(ImageFormat.class)
				: Set.copyOf(allowedFormats);
	}

	/**
	 * Every {@link ImageFormat}, up to {@link #DEFAULT_MAX_BYTES}.
	 * @return the default policy
	 */
	public static MediaPolicy defaults() {
		return new MediaPolicy(DEFAULT_MAX_BYTES, EnumSet.allOf(ImageFormat.class));
	}

	/**
	 * The same formats with another size limit.
	 * @param maxBytes the largest file accepted, in bytes
	 * @return a new policy
	 */
	public MediaPolicy withMaxBytes(long maxBytes) {
		return new MediaPolicy(maxBytes, this.allowedFormats);
	}

}
