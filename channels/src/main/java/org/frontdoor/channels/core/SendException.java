package org.frontdoor.channels.core;

import java.time.Duration;

/**
 * A delivery failure that carries its policy, so the outbox never has to guess.
 */
public class SendException extends Exception {

	private final Policy policy;

	private final String code;

	private final Duration retryAfter;

	public SendException(Policy policy, String code, String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.policy = policy;
		this.code = code;
		this.retryAfter = retryAfter;
	}

	public SendException(Policy policy, String code, String message) {
		this(policy, code, message, null, null);
	}

	/**
	 * What the outbox should do.
	 * @return the policy
	 */
	public Policy policy() {
		return this.policy;
	}

	/**
	 * The provider's error code (e.g. Twilio {@code 21610}, an SMTP reply code), or
	 * {@code null}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * How long the provider asked us to wait, or {@code null}.
	 * @return the delay
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** What a failed delivery means for the outbox. */
	public enum Policy {

		/** Transient (timeouts, 429, 5xx): try again later with backoff. */
		RETRY,

		/** Permanent for this message (invalid number, rejected content): dead-letter. */
		GIVE_UP,

		/** The resident opted out at the carrier (Twilio 21610): record an opt-out. */
		OPT_OUT,

		/** Our credentials or account are wrong: stop the queue and alert an admin. */
		HALT

	}

}
