package org.frontdoor.channels.chat;

import java.time.Duration;

/**
 * Counts requests in fixed windows shared by every gateway instance (implemented by the
 * gateway on its database).
 */
public interface ChatRateLimiter {

	/**
	 * Count one request against a bucket.
	 * @param bucket what is limited, e.g. {@code session:<id>} or {@code ip:<hash>};
	 * never a raw IP address (the caller hashes it)
	 * @param limit how many requests the window allows
	 * @param window the window length
	 * @return whether this request is within the limit, and when to retry if not
	 */
	Decision hit(String bucket, int limit, Duration window);

	/**
	 * The answer for one request.
	 *
	 * @param allowed whether it is within the limit
	 * @param retryAfter how long until the window ends (zero when allowed)
	 */
	record Decision(boolean allowed, Duration retryAfter) {

	}

}
