package org.frontdoor.channels.sms.twilio.inbound;

/**
 * Why a Twilio medium could not be fetched and stored, and whether trying again later can
 * help: the gateway retries {@link #retryable()} failures with backoff and dead-letters
 * the others (source {@code twilio.media}).
 */
public class TwilioMediaFetchException extends Exception {

	private final Reason reason;

	/**
	 * A failure.
	 * @param reason the kind of failure (decides {@link #retryable()})
	 * @param message what happened (no PII, no credentials)
	 * @param cause the underlying exception, or {@code null}
	 */
	public TwilioMediaFetchException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * The kind of failure.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Whether a later attempt may succeed.
	 * @return {@code true} for timeouts, connection failures, 429 and 5xx
	 */
	public boolean retryable() {
		return this.reason.retryable;
	}

	/** Kinds of media fetch failure. */
	public enum Reason {

		/** The URL is not absolute, not https (outside loopback tests) or malformed. */
		BAD_URL(false),

		/** The URL or a redirect points at a host that is not Twilio's. */
		FORBIDDEN_HOST(false),

		/** More redirects than allowed, or a redirect without a location. */
		TOO_MANY_REDIRECTS(false),

		/**
		 * Twilio refused our credentials (401/403): fix the configuration, then replay.
		 */
		UNAUTHORIZED(false),

		/**
		 * Twilio no longer has the medium (404/410), e.g. deleted by the account owner.
		 */
		NOT_FOUND(false),

		/** Another 4xx answer. */
		REFUSED(false),

		/** Larger than {@code media.max-bytes}. */
		TOO_LARGE(false),

		/** Not an accepted image, or its metadata could not be removed (sanitizer). */
		REJECTED(false),

		/** 429 or 5xx from Twilio or its CDN. */
		UNAVAILABLE(true),

		/** Connection failed or the download took longer than {@code media.timeout}. */
		NETWORK(true);

		private final boolean retryable;

		Reason(boolean retryable) {
			this.retryable = retryable;
		}

	}

}
